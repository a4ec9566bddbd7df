package io.riskguard.job.operators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * One MapState with a per-trigger read cache, absent keys included (the rules ask for the same
 * position several times in one trigger); writes go through at once, unless they would store what
 * is already there. Once {@link #values()} has read the whole map, the cache holds all of it.
 * Values must be immutable.
 */
final class CachedMapState<K, V> {

    private static final Object ABSENT = new Object();

    private final MapState<K, V> state;
    private final Map<K, Object> cache = new HashMap<>();
    private boolean complete;

    CachedMapState(MapState<K, V> state) {
        this.state = state;
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        Object cached = cache.get(key);
        if (cached != null) {
            return cached == ABSENT ? null : (V) cached;
        }
        if (complete) {
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
        if (cache.get(key) == ABSENT || (complete && !cache.containsKey(key))) {
            return;
        }
        StateCalls.run(() -> state.remove(key));
        cache.put(key, ABSENT);
    }

    /** All values, in no particular order (the engine sorts what it iterates). */
    @SuppressWarnings("unchecked")
    Collection<V> values() {
        if (!complete) {
            StateCalls.run(() -> {
                for (Map.Entry<K, V> e : state.entries()) {
                    cache.put(e.getKey(), e.getValue());
                }
            });
            complete = true;
        }
        List<V> list = new ArrayList<>(cache.size());
        for (Object v : cache.values()) {
            if (v != ABSENT) {
                list.add((V) v);
            }
        }
        return list;
    }

    /** The next trigger may be of another key. */
    void forget() {
        cache.clear();
        complete = false;
    }
}
