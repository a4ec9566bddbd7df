package io.riskguard.job.operators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * One MapState of the current account with a read cache, absent keys included (the rules ask for
 * the same position several times in one trigger), kept across triggers for recently triggered
 * accounts or, with {@code capacity} 0, for one trigger only. Writes go through at once, unless they
 * would store what is already there, so the state always holds what the cache holds. Once
 * {@link #values()} or {@link #valuesOf} has read the whole map, the cache holds all of it. Values
 * must be immutable.
 */
final class CachedMapState<K, V> {

    private static final Object ABSENT = new Object();

    private static final class Slot<K> {
        final Map<K, Object> cache = new HashMap<>();
        boolean complete;
    }

    private final MapState<K, V> state;
    private final RecentAccounts<Slot<K>> recent;
    private Map<K, Object> cache;
    private Slot<K> slot;

    CachedMapState(MapState<K, V> state) {
        this(state, RecentAccounts.CAPACITY);
    }

    CachedMapState(MapState<K, V> state, int capacity) {
        this.state = state;
        this.recent = capacity > 0 ? new RecentAccounts<>(capacity) : null;
        select(0);
    }

    /** The state backend's current key is {@code account} now. */
    void select(long account) {
        slot = recent == null ? new Slot<>() : recent.of(account, Slot::new);
        cache = slot.cache;
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        Object cached = cache.get(key);
        if (cached != null) {
            return cached == ABSENT ? null : (V) cached;
        }
        if (slot.complete) {
            return null;
        }
        V stored = StateCalls.call(() -> state.get(key));
        cache.put(key, stored == null ? ABSENT : stored);
        return stored;
    }

    void put(K key, V value) {
        if (value.equals(cache.get(key))) {
            return;
        }
        StateCalls.run(() -> state.put(key, value));
        cache.put(key, value);
    }

    void remove(K key) {
        if (cache.get(key) == ABSENT || (slot.complete && !cache.containsKey(key))) {
            return;
        }
        StateCalls.run(() -> state.remove(key));
        cache.put(key, ABSENT);
    }

    /** All values, in no particular order (the engine sorts what it iterates). */
    @SuppressWarnings("unchecked")
    Collection<V> values() {
        if (!slot.complete) {
            StateCalls.run(() -> {
                for (Map.Entry<K, V> e : state.entries()) {
                    cache.put(e.getKey(), e.getValue());
                }
            });
            slot.complete = true;
        }
        List<V> list = new ArrayList<>(cache.size());
        for (Object v : cache.values()) {
            if (v != ABSENT) {
                list.add((V) v);
            }
        }
        return list;
    }

    /**
     * The values of exactly these keys, the whole map (the caller keeps the key list): point reads
     * of what is not cached yet, no iterator; afterwards any other key is known to be absent.
     */
    @SuppressWarnings("unchecked")
    Collection<V> valuesOf(Collection<K> keys) {
        List<V> list = new ArrayList<>(keys.size());
        for (K key : keys) {
            V v = get(key);
            if (v != null) {
                list.add(v);
            }
        }
        slot.complete = true;
        return list;
    }

    /** For tests: whether the whole map has been read. */
    boolean complete() {
        return slot.complete;
    }
}
