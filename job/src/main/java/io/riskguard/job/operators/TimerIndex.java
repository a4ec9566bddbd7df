package io.riskguard.job.operators;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine timers of every account on this subtask, by instant: what lets timers fire in
 * due-time order across accounts, before any trigger at or after their instant (RULES.md §1.3). It
 * mirrors the accounts' own {@code TimerBook}s, from which it is rebuilt after a restore.
 */
final class TimerIndex {

    private final NavigableMap<Instant, TreeSet<Long>> due = new TreeMap<>();

    void add(Instant t, long account) {
        due.computeIfAbsent(t, k -> new TreeSet<>()).add(account);
    }

    void remove(Instant t, long account) {
        TreeSet<Long> accounts = due.get(t);
        if (accounts != null && accounts.remove(account) && accounts.isEmpty()) {
            due.remove(t);
        }
    }

    /** The earliest instant at or before {@code upTo} (and {@code horizon}, if set) with a timer, or null. */
    Instant firstDue(Instant upTo, Instant horizon) {
        if (due.isEmpty()) {
            return null;
        }
        Instant first = due.firstKey();
        return first.isAfter(upTo) || (horizon != null && first.isAfter(horizon)) ? null : first;
    }

    /** Removes the instant and returns its accounts, ascending. */
    long[] take(Instant t) {
        TreeSet<Long> accounts = due.remove(t);
        return accounts == null ? new long[0] : accounts.stream().mapToLong(Long::longValue).toArray();
    }

    boolean isEmpty() {
        return due.isEmpty();
    }

    int size() {
        return due.values().stream().mapToInt(TreeSet::size).sum();
    }
}
