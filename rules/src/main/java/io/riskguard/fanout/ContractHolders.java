package io.riskguard.fanout;

import io.riskguard.market.QuietBand;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * The accounts holding one contract on this subtask, indexed by the edges of their quiet bands, so
 * that "whose band does this quote leave" costs O(log n + crossed): bands sorted by their low edge
 * (a mark at or below it crosses), by their high edge (at or above), and by when they end.
 */
final class ContractHolders {

    /** One account's band, as the sorted sets hold it. */
    private record Entry(long account, double low, double high, Instant until) {}

    private static final Comparator<Entry> BY_LOW = (a, b) -> {
        int c = Double.compare(a.low, b.low);
        return c != 0 ? c : Long.compare(a.account, b.account);
    };
    private static final Comparator<Entry> BY_HIGH = (a, b) -> {
        int c = Double.compare(a.high, b.high);
        return c != 0 ? c : Long.compare(a.account, b.account);
    };
    private static final Comparator<Entry> BY_UNTIL = (a, b) -> {
        int c = a.until.compareTo(b.until);
        return c != 0 ? c : Long.compare(a.account, b.account);
    };

    private final Map<Long, Entry> entries = new HashMap<>();
    /** Per account: quotes stamped earlier are stale at its event time, whatever their mark. */
    private final Map<Long, Instant> freshFrom = new HashMap<>();
    private final NavigableSet<Entry> byLow = new TreeSet<>(BY_LOW);
    private final NavigableSet<Entry> byHigh = new TreeSet<>(BY_HIGH);
    private final NavigableSet<Entry> byUntil = new TreeSet<>(BY_UNTIL);

    /** Sets (or replaces) the account's band. */
    void put(long account, QuietBand band) {
        remove(account);
        Entry e = band.isNever()
                ? new Entry(account, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null)
                : new Entry(account, band.low(), band.high(), band.until());
        entries.put(account, e);
        if (e.low() != Double.NEGATIVE_INFINITY) {
            byLow.add(e);
        }
        if (e.high() != Double.POSITIVE_INFINITY) {
            byHigh.add(e);
        }
        if (e.until() != null) {
            byUntil.add(e);
        }
    }

    /**
     * The account was evaluated at an event time from which a quote stamped before {@code instant} is
     * stale (RULES.md §1.6): such a quote cannot make its rules emit. Only live ordering, where a quote
     * can arrive after the account's own later events, ever sees one.
     */
    void freshFrom(long account, Instant instant) {
        if (entries.containsKey(account)) {
            freshFrom.put(account, instant);
        }
    }

    void remove(long account) {
        freshFrom.remove(account);
        Entry e = entries.remove(account);
        if (e != null) {
            byLow.remove(e);
            byHigh.remove(e);
            if (e.until() != null) {
                byUntil.remove(e);
            }
        }
    }

    /** Every account holding the contract here, quiet or not. */
    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void forEachAccount(LongConsumer into) {
        for (long account : entries.keySet()) {
            into.accept(account);
        }
    }

    /**
     * True when the quote crosses no band: its mark is above the highest low edge and below the lowest
     * high edge, and it comes before the earliest end. O(1): what most quotes find.
     */
    boolean crossesNone(double mark, Instant t) {
        return (byLow.isEmpty() || byLow.last().low < mark) && (byHigh.isEmpty() || mark < byHigh.first().high)
                && (byUntil.isEmpty() || t.isBefore(byUntil.first().until));
    }

    /**
     * The accounts whose band a quote of {@code mark}, stamped {@code quoteTs}, evaluated at {@code t},
     * leaves, each once, in no particular order.
     */
    void crossed(double mark, Instant quoteTs, Instant t, LongConsumer into) {
        if (crossesNone(mark, t)) {
            return;
        }
        for (Entry e : byLow.tailSet(new Entry(Long.MIN_VALUE, mark, 0, null), true)) {
            if (fresh(e, quoteTs)) {
                into.accept(e.account());
            }
        }
        for (Entry e : byHigh.headSet(new Entry(Long.MAX_VALUE, 0, mark, null), true)) {
            if (!(e.low() >= mark) && fresh(e, quoteTs)) {
                into.accept(e.account());
            }
        }
        for (Entry e : byUntil.headSet(new Entry(Long.MAX_VALUE, 0, 0, t), true)) {
            if (!(e.low() >= mark) && !(e.high() <= mark) && fresh(e, quoteTs)) {
                into.accept(e.account());
            }
        }
    }

    /** A quote already stale at the account's event time cannot make its rules emit. */
    private boolean fresh(Entry e, Instant quoteTs) {
        Instant from = freshFrom.get(e.account());
        return from == null || !quoteTs.isBefore(from);
    }
}
