package io.riskguard.job.operators;

import io.riskguard.job.model.Sequenced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Event-time ordering, as {@code SequentialReplay} orders a file: inputs wait, by millisecond, until
 * the watermark passes their millisecond; then each millisecond's inputs are handed out in (ts, seq)
 * order, and before each of them, and once more at the end of the millisecond, every timer due by
 * then fires. Keyed inputs belong to one key (an account, a contract); shared inputs to every key of
 * the subtask (the quotes an AccountRisk subtask receives). At equal (ts, seq), which only live input
 * can give, keyed inputs come before shared ones, by key.
 *
 * <p>Inputs wait in memory. A keyed millisecond is written to the operator's keyed state only when
 * a snapshot is taken while it waits ({@link #snapshot}), and read back after a restore
 * ({@link #restored}); once handed out, its state copy must be removed ({@link Handler#unstore}),
 * or a restore would apply it again. Shared inputs are snapshotted by the operator as a whole
 * ({@link #shared()}).
 *
 * @param <K> the key of keyed inputs
 * @param <A> keyed inputs
 * @param <S> shared inputs
 */
final class EventTimeSequencer<K extends Comparable<K>, A extends Sequenced, S extends Sequenced> {

    /** What the operator does with what the sequencer hands out. */
    interface Handler<K, A, S> {
        /** Fires every timer due at or before {@code upTo}, in due-time order. */
        void fireTimersUpTo(Instant upTo) throws Exception;

        void apply(K key, A input) throws Exception;

        void applyShared(S input) throws Exception;

        /** The key's inputs of millisecond {@code ms} were taken: remove their keyed-state copy. */
        void unstore(long ms, K key) throws Exception;
    }

    /** Writes a key's inputs of one millisecond to its keyed state. */
    interface Store<K, A> {
        void store(long ms, K key, List<A> inputs) throws Exception;
    }

    /**
     * One key's inputs of one millisecond: {@code inState} once the keyed state has an entry for
     * them, {@code stored} while that entry holds them all.
     */
    private static final class Waiting<A> {
        final List<A> inputs = new ArrayList<>(2);
        boolean inState;
        boolean stored;
    }

    private record Item<K, A extends Sequenced, S extends Sequenced>(K key, A keyed, S shared) {
        Sequenced input() {
            return keyed != null ? keyed : shared;
        }
    }

    private final Comparator<Item<K, A, S>> order = Comparator
            .<Item<K, A, S>, Instant>comparing(i -> i.input().evalTs())
            .thenComparingLong(i -> i.input().seq())
            .thenComparing(i -> i.keyed() == null)
            .thenComparing(Item::key, Comparator.nullsLast(Comparator.naturalOrder()));

    private final NavigableMap<Long, TreeMap<K, Waiting<A>>> keyed = new TreeMap<>();
    private final NavigableMap<Long, List<S>> shared = new TreeMap<>();

    void add(K key, A input) {
        Waiting<A> w = waiting(Millis.ceil(input.evalTs()), key);
        w.inputs.add(input);
        w.stored = false;
    }

    void addShared(S input) {
        addShared(Millis.ceil(input.evalTs()), input);
    }

    /** A shared input, read back from a snapshot with its millisecond. */
    void addShared(long ms, S input) {
        shared.computeIfAbsent(ms, k -> new ArrayList<>(2)).add(input);
    }

    /** A key's inputs of millisecond {@code ms}, read back from its keyed state after a restore. */
    void restored(long ms, K key, List<A> inputs) {
        Waiting<A> w = waiting(ms, key);
        w.inputs.addAll(inputs);
        w.inState = true;
        w.stored = true;
    }

    /**
     * Hands out, millisecond by millisecond, everything waiting at or before {@code watermark}
     * (epoch milliseconds), with the timers due before each input and by the end of each millisecond.
     */
    void drainUpTo(long watermark, Handler<K, A, S> handler) throws Exception {
        Long ms;
        while ((ms = nextMillisecond(watermark)) != null) {
            for (Item<K, A, S> item : take(ms, handler)) {
                handler.fireTimersUpTo(item.input().evalTs());
                if (item.keyed() != null) {
                    handler.apply(item.key(), item.keyed());
                } else {
                    handler.applyShared(item.shared());
                }
            }
            handler.fireTimersUpTo(Millis.end(ms));
        }
    }

    /** Writes every keyed millisecond not written yet (or changed since) to its key's state. */
    void snapshot(Store<K, A> store) throws Exception {
        for (Map.Entry<Long, TreeMap<K, Waiting<A>>> ms : keyed.entrySet()) {
            for (Map.Entry<K, Waiting<A>> e : ms.getValue().entrySet()) {
                if (!e.getValue().stored) {
                    store.store(ms.getKey(), e.getKey(), List.copyOf(e.getValue().inputs));
                    e.getValue().inState = true;
                    e.getValue().stored = true;
                }
            }
        }
    }

    /** The shared inputs still waiting, by millisecond, for snapshots. */
    NavigableMap<Long, List<S>> shared() {
        return shared;
    }

    boolean isEmpty() {
        return keyed.isEmpty() && shared.isEmpty();
    }

    private Waiting<A> waiting(long ms, K key) {
        return keyed.computeIfAbsent(ms, k -> new TreeMap<>()).computeIfAbsent(key, k -> new Waiting<>());
    }

    private Long nextMillisecond(long watermark) {
        long first = Long.MAX_VALUE;
        if (!keyed.isEmpty()) {
            first = keyed.firstKey();
        }
        if (!shared.isEmpty()) {
            first = Math.min(first, shared.firstKey());
        }
        return first == Long.MAX_VALUE || first > watermark ? null : first;
    }

    /** The millisecond's inputs, taken out, in order; their keyed-state copies are removed. */
    private List<Item<K, A, S>> take(long ms, Handler<K, A, S> handler) throws Exception {
        List<Item<K, A, S>> items = new ArrayList<>();
        TreeMap<K, Waiting<A>> accounts = keyed.remove(ms);
        if (accounts != null) {
            for (Map.Entry<K, Waiting<A>> e : accounts.entrySet()) {
                e.getValue().inputs.forEach(in -> items.add(new Item<>(e.getKey(), in, null)));
                if (e.getValue().inState) {
                    handler.unstore(ms, e.getKey());
                }
            }
        }
        List<S> quotes = shared.remove(ms);
        if (quotes != null) {
            quotes.forEach(q -> items.add(new Item<>(null, null, q)));
        }
        items.sort(order);
        return items;
    }
}
