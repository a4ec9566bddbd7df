package io.riskguard.fanout;

import io.riskguard.market.MarkView;
import io.riskguard.market.QuoteState;
import io.riskguard.state.Holding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the accounts here a quote must reach. Keeps the latest merged quote of every contract
 * (what position and order triggers mark with), every holder's quiet band by contract, and the
 * marks a holder tracking its best mark was not delivered. A quote goes only to the holders whose
 * band its mark leaves (or whose band has ended), plus any whose carried history grew too long.
 *
 * <p>Plain Java, one instance per subtask (or per replay): it holds only what can be rebuilt from
 * the holders' own state ({@link Holding}) plus the quotes and mark histories, which are the same
 * on every subtask.
 */
public final class QuoteFanOut implements MarkView {

    /** Entries a mark history may hold before its oldest tracking holders are delivered to. */
    public static final int DEFAULT_HISTORY_LIMIT = 10_000;

    private static final long[] NONE = new long[0];

    private final int historyLimit;
    private final Map<String, QuoteState> quotes = new HashMap<>();
    private final Map<String, ContractHolders> holders = new HashMap<>();
    private final Map<String, MarkHistory> histories = new HashMap<>();

    public QuoteFanOut() {
        this(DEFAULT_HISTORY_LIMIT);
    }

    public QuoteFanOut(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    @Override
    public QuoteState quote(String contractId) {
        return quotes.get(contractId);
    }

    /**
     * A contract's merged quote at {@code t}: stores it and returns, ascending, the accounts it must
     * be delivered to. A quote without a mark reaches nobody: no price rule can act on it.
     */
    public long[] onQuote(String contractId, QuoteState merged, Instant t) {
        quotes.put(contractId, merged);
        BigDecimal mark = merged.mark();
        if (mark == null) {
            return NONE;
        }
        MarkHistory history = history(contractId);
        history.add(mark);
        ContractHolders here = holders.get(contractId);
        if (here == null || here.isEmpty() || (here.crossesNone(mark.doubleValue(), t) && !history.overLimit())) {
            return NONE;
        }
        LongSet crossed = new LongSet();
        here.crossed(mark.doubleValue(), merged.quoteTs(), t, crossed);
        for (long account : history.overdue()) {
            crossed.accept(account);
        }
        return crossed.sorted();
    }

    /** Forgets marks no holder can need any more; call once the quote's deliveries are done. */
    public void afterQuote(String contractId) {
        MarkHistory history = histories.get(contractId);
        if (history != null) {
            history.trim();
        }
    }

    /** Number of marked quotes of the contract so far: a holding's {@code since} after a trigger on it. */
    public long marksSeen(String contractId) {
        MarkHistory history = histories.get(contractId);
        return history == null ? 0 : history.count();
    }

    /** The highest mark of the contract's quotes after the {@code since}-th, or null. */
    public BigDecimal highestSince(String contractId, long since) {
        MarkHistory history = histories.get(contractId);
        return history == null ? null : history.highestSince(since);
    }

    /** The lowest mark of the contract's quotes after the {@code since}-th, or null. */
    public BigDecimal lowestSince(String contractId, long since) {
        MarkHistory history = histories.get(contractId);
        return history == null ? null : history.lowestSince(since);
    }

    /** Replaces the account's holdings {@code before} (as last stored) by {@code after}. */
    public void update(long account, Map<String, Holding> before, Map<String, Holding> after) {
        for (Map.Entry<String, Holding> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                drop(account, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Holding> e : after.entrySet()) {
            Holding old = before.get(e.getKey());
            if (!e.getValue().equals(old)) {
                if (old != null) {
                    untrack(account, e.getKey(), old);
                }
                add(account, e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The account has just been evaluated: quotes of its contracts stamped before {@code staleBefore}
     * (its event time less the quotes' maximum age) can no longer make its rules emit (RULES.md §1.6).
     * Kept in memory only: after a restore every quote is delivered as if fresh, which is conservative.
     */
    public void evaluatedAt(long account, Iterable<String> contracts, Instant staleBefore) {
        for (String contractId : contracts) {
            ContractHolders here = holders.get(contractId);
            if (here != null) {
                here.freshFrom(account, staleBefore);
            }
        }
    }

    /** Adds a restored account's holdings. */
    public void restore(long account, Map<String, Holding> holdings) {
        update(account, Map.of(), holdings);
    }

    /** Every account holding something here, ascending. */
    public long[] accounts() {
        LongSet all = new LongSet();
        for (ContractHolders h : holders.values()) {
            h.forEachAccount(all);
        }
        return all.sorted();
    }

    /** How many accounts here hold the contract: what a full fan-out would deliver each quote to. */
    public int holderCount(String contractId) {
        ContractHolders h = holders.get(contractId);
        return h == null ? 0 : h.size();
    }

    /** The merged quotes, by contract, for snapshots. */
    public Map<String, QuoteState> quotes() {
        return new TreeMap<>(quotes);
    }

    public void restoreQuote(String contractId, QuoteState quote) {
        quotes.put(contractId, quote);
    }

    /** The mark histories, by contract, for snapshots. */
    public Map<String, MarkHistory.Snapshot> histories() {
        Map<String, MarkHistory.Snapshot> out = new TreeMap<>();
        histories.forEach((c, h) -> out.put(c, h.snapshot()));
        return out;
    }

    public void restoreHistory(String contractId, MarkHistory.Snapshot snapshot) {
        history(contractId).restore(snapshot);
    }

    private void add(long account, String contractId, Holding h) {
        holders.computeIfAbsent(contractId, c -> new ContractHolders()).put(account, h.band());
        if (h.tracksBest()) {
            history(contractId).track(account, h.since());
        }
    }

    private void drop(long account, String contractId, Holding h) {
        untrack(account, contractId, h);
        ContractHolders here = holders.get(contractId);
        if (here != null) {
            here.remove(account);
            if (here.isEmpty()) {
                holders.remove(contractId);
            }
        }
    }

    private void untrack(long account, String contractId, Holding h) {
        if (h.tracksBest()) {
            MarkHistory history = histories.get(contractId);
            if (history != null) {
                history.untrack(account, h.since());
            }
        }
    }

    private MarkHistory history(String contractId) {
        return histories.computeIfAbsent(contractId, c -> new MarkHistory(historyLimit));
    }

    /** A small set of account ids, deduplicated and sorted on demand. */
    private static final class LongSet implements java.util.function.LongConsumer {
        private long[] values = new long[8];
        private int size;

        @Override
        public void accept(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            int n = 0;
            for (int i = 0; i < out.length; i++) {
                if (n == 0 || out[i] != out[n - 1]) {
                    out[n++] = out[i];
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
    }
}
