package io.riskguard.fanout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The marks of one contract's quotes, numbered 1, 2, ... as they come, as far back as a holder that
 * tracks its best mark (RULE-012) may need them: for each such holder, the highest and lowest mark
 * since its last trigger on the contract. Only suffix extremes are kept ({@link ExtremeStack}), and
 * only back to the oldest tracking holder; if a long trend still piles up more than {@code limit}
 * entries, {@link #overdue()} names the holders to deliver to, so their carry resets.
 */
public final class MarkHistory {

    private final int limit;
    private long count;
    private final ExtremeStack highs = new ExtremeStack(1);
    private final ExtremeStack lows = new ExtremeStack(-1);
    private final NavigableMap<Long, Set<Long>> trackersSince = new TreeMap<>();

    MarkHistory(int limit) {
        this.limit = limit;
    }

    /** Numbers the next mark; returns its number. */
    long add(BigDecimal mark) {
        count++;
        if (!trackersSince.isEmpty()) {
            highs.push(count, mark);
            lows.push(count, mark);
        }
        return count;
    }

    /** How many marks have been numbered. */
    long count() {
        return count;
    }

    BigDecimal highestSince(long since) {
        return highs.extremeAfter(since);
    }

    BigDecimal lowestSince(long since) {
        return lows.extremeAfter(since);
    }

    void track(long account, long since) {
        trackersSince.computeIfAbsent(since, k -> new TreeSet<>()).add(account);
    }

    void untrack(long account, long since) {
        Set<Long> accounts = trackersSince.get(since);
        if (accounts != null && accounts.remove(account) && accounts.isEmpty()) {
            trackersSince.remove(since);
        }
    }

    /** Forgets the marks no tracking holder can ask about any more. */
    void trim() {
        if (trackersSince.isEmpty()) {
            highs.clear();
            lows.clear();
            return;
        }
        long oldest = trackersSince.firstKey();
        highs.dropThrough(oldest);
        lows.dropThrough(oldest);
    }

    /**
     * The tracking holders to deliver the current quote to so that the history shrinks back to half
     * its limit; empty while it is within the limit.
     */
    List<Long> overdue() {
        if (!overLimit()) {
            return List.of();
        }
        ExtremeStack longer = highs.size() >= lows.size() ? highs : lows;
        long keepAfter = longer.numberFromTop(limit / 2);
        List<Long> out = new ArrayList<>();
        for (Set<Long> accounts : trackersSince.headMap(keepAfter, false).values()) {
            out.addAll(accounts);
        }
        return out;
    }

    /** More entries than the limit: {@link #overdue()} has holders to name. */
    boolean overLimit() {
        return Math.max(highs.size(), lows.size()) > limit;
    }

    int size() {
        return Math.max(highs.size(), lows.size());
    }

    boolean hasTrackers() {
        return !trackersSince.isEmpty();
    }

    /** For snapshots: the count and both stacks, bottom to top. */
    Snapshot snapshot() {
        List<Entry> h = new ArrayList<>(highs.size());
        highs.forEach((n, m) -> h.add(new Entry(n, m)));
        List<Entry> l = new ArrayList<>(lows.size());
        lows.forEach((n, m) -> l.add(new Entry(n, m)));
        return new Snapshot(count, h, l);
    }

    /** Restores count and stacks; trackers come back from the holders' own state. */
    void restore(Snapshot s) {
        count = s.count();
        highs.clear();
        lows.clear();
        for (Entry e : s.highs()) {
            highs.push(e.number(), e.mark());
        }
        for (Entry e : s.lows()) {
            lows.push(e.number(), e.mark());
        }
    }

    public record Entry(long number, BigDecimal mark) {}

    public record Snapshot(long count, List<Entry> highs, List<Entry> lows) {}
}
