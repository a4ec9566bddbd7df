package io.riskguard.job.operators;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.MarketInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Event-time ordering: what waits for the watermark, by millisecond, in memory. Quotes are the same
 * on every subtask and are snapshotted as broadcast state. An account's own inputs are written to
 * its keyed state only when a snapshot is taken while they wait (most are applied within the same
 * checkpoint interval, so they never cost a state write), and are read back from it after a restore.
 */
final class EventTimeBuffer {

    /**
     * One account's inputs of one millisecond: {@code inState} once its keyed state has an entry for
     * them (to be removed when they are applied, or a restore would apply them again), {@code stored}
     * while that entry holds them all.
     */
    static final class Waiting {
        final List<AccountInput> inputs = new ArrayList<>(1);
        boolean inState;
        boolean stored;
    }

    private final NavigableMap<Long, TreeMap<Long, Waiting>> accounts = new TreeMap<>();
    private final NavigableMap<Long, List<MarketInput>> quotes = new TreeMap<>();

    void account(long ms, long account, AccountInput input) {
        Waiting w = accounts.computeIfAbsent(ms, k -> new TreeMap<>()).computeIfAbsent(account, k -> new Waiting());
        w.inputs.add(input);
        w.stored = false;
    }

    /** Inputs read back from keyed state after a restore. */
    void restored(long ms, long account, List<AccountInput> inputs) {
        Waiting w = accounts.computeIfAbsent(ms, k -> new TreeMap<>()).computeIfAbsent(account, k -> new Waiting());
        w.inputs.addAll(inputs);
        w.inState = true;
        w.stored = true;
    }

    void quote(long ms, MarketInput quote) {
        quotes.computeIfAbsent(ms, k -> new ArrayList<>(2)).add(quote);
    }

    /** The earliest millisecond at or before {@code watermark} with anything waiting, or null. */
    Long nextBucket(long watermark) {
        long first = Long.MAX_VALUE;
        if (!accounts.isEmpty()) {
            first = accounts.firstKey();
        }
        if (!quotes.isEmpty()) {
            first = Math.min(first, quotes.firstKey());
        }
        return first == Long.MAX_VALUE || first > watermark ? null : first;
    }

    /** Removes the millisecond's accounts' inputs, by account ascending. */
    Map<Long, Waiting> takeAccounts(long ms) {
        TreeMap<Long, Waiting> taken = accounts.remove(ms);
        return taken == null ? Map.of() : taken;
    }

    List<MarketInput> takeQuotes(long ms) {
        List<MarketInput> taken = quotes.remove(ms);
        return taken == null ? List.of() : taken;
    }

    /** The quotes still waiting, for snapshots. */
    NavigableMap<Long, List<MarketInput>> quotes() {
        return quotes;
    }

    /** The accounts' inputs still waiting, by millisecond and account, for snapshots. */
    NavigableMap<Long, TreeMap<Long, Waiting>> accountInputs() {
        return accounts;
    }

    boolean isEmpty() {
        return accounts.isEmpty() && quotes.isEmpty();
    }
}
