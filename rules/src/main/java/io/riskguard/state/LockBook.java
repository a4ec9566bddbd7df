package io.riskguard.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The account's lock records, at most one per lock rule (RULES.md §1.8), sorted by rule. Immutable.
 * The account is locked iff any record is active.
 */
public record LockBook(List<LockRecord> records) {

    public static final LockBook EMPTY = new LockBook(List.of());

    public LockBook {
        records = records.stream().sorted(Comparator.comparingInt(LockRecord::rule)).toList();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public Optional<LockRecord> record(int rule) {
        for (LockRecord r : records) {
            if (r.rule() == rule) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<LockRecord> active(int rule, Instant t) {
        return record(rule).filter(r -> r.activeAt(t));
    }

    public boolean lockedAt(Instant t) {
        for (LockRecord r : records) {
            if (r.activeAt(t)) {
                return true;
            }
        }
        return false;
    }

    /** The active record with the latest until (null latest), ties to the lowest rule. */
    public Optional<LockRecord> enforcing(Instant t) {
        LockRecord best = null;
        for (LockRecord r : records) {
            if (r.activeAt(t) && (best == null || r.endsAfter(best))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The instant from which the account, locked at {@code t}, is no longer locked unless a record
     * changes: the latest {@code until} of the records active at {@code t}; null when one of them has
     * no expiry (it ends only through its rule's event).
     */
    public Instant lockedUntil(Instant t) {
        Instant end = null;
        for (LockRecord r : records) {
            if (r.activeAt(t)) {
                if (r.until() == null) {
                    return null;
                }
                end = end == null || r.until().isAfter(end) ? r.until() : end;
            }
        }
        return end;
    }

    public LockBook with(LockRecord record) {
        List<LockRecord> next = new ArrayList<>(records.size() + 1);
        for (LockRecord r : records) {
            if (r.rule() != record.rule()) {
                next.add(r);
            }
        }
        next.add(record);
        return new LockBook(next);
    }

    public LockBook without(int rule) {
        List<LockRecord> next = new ArrayList<>(records.size());
        for (LockRecord r : records) {
            if (r.rule() != rule) {
                next.add(r);
            }
        }
        return new LockBook(next);
    }
}
