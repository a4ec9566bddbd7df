package io.riskguard.job.operators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;

/**
 * One MapState per account with a read cache, absent keys included (the rules ask for the same
 * position several times in one trigger), kept across triggers for recently triggered accounts or,
 * with {@code capacity} 0, for one trigger only; written behind like {@link CachedValueState}: the
 * changed keys of an account are written at {@link #write}, and an account with unwritten changes
 * keeps its cache until then. A write that would store what is already there is no change. Once
 * {@link #values()} or {@link #valuesOf} has read the whole map, the cache holds all of it. Values
 * must be immutable.
 */
final class CachedMapState<K, V> {

    private static final Object ABSENT = new Object();

    private static final class Slot<K> {
        final Map<K, Object> cache = new HashMap<>();
        final Set<K> changed = new HashSet<>();
        boolean complete;
        boolean unwritten;
    }

    private final MapState<K, V> state;
    private final RecentAccounts<Slot<K>> recent;
    private final Map<Long, Slot<K>> unwritten = new HashMap<>();
    private long account;
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

    /** The state backend's current key is {@code account} now; the previous trigger must have ended. */
    void select(long account) {
        if (slot != null && !slot.unwritten && !slot.changed.isEmpty()) {
            throw new IllegalStateException("the previous trigger changed a map and did not end");
        }
        this.account = account;
        slot = recent == null ? null : recent.get(account);
        if (slot == null) {
            slot = unwritten.get(account);
            if (slot == null) {
                slot = new Slot<>();
            }
            if (recent != null) {
                recent.put(account, slot);
            }
        }
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
        cache.put(key, value);
        slot.changed.add(key);
    }

    void remove(K key) {
        if (cache.get(key) == ABSENT || (slot.complete && !cache.containsKey(key))) {
            return;
        }
        cache.put(key, ABSENT);
        slot.changed.add(key);
    }

    /** All values, in no particular order (the engine sorts what it iterates). */
    @SuppressWarnings("unchecked")
    Collection<V> values() {
        if (!slot.complete) {
            StateCalls.run(() -> {
                for (Map.Entry<K, V> e : state.entries()) {
                    // what the cache holds is as new as the state or newer (an unwritten change)
                    cache.putIfAbsent(e.getKey(), e.getValue());
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

    /** Ends the current account's trigger: returns whether the account now has changes to write. */
    boolean endTrigger() {
        if (!slot.unwritten && !slot.changed.isEmpty()) {
            slot.unwritten = true;
            unwritten.put(account, slot);
        }
        return slot.unwritten;
    }

    /** Accounts whose changes are not written yet. */
    int unwrittenAccounts() {
        return unwritten.size();
    }

    /** Writes {@code account}'s changed keys, if any; the state backend's current key must be {@code account}. */
    @SuppressWarnings("unchecked")
    void write(long account) {
        Slot<K> s = unwritten.remove(account);
        if (s == null) {
            return;
        }
        for (K key : s.changed) {
            Object v = s.cache.get(key);
            if (v == ABSENT) {
                StateCalls.run(() -> state.remove(key));
            } else {
                StateCalls.run(() -> state.put(key, (V) v));
            }
        }
        s.changed.clear();
        s.unwritten = false;
    }

    /** For tests: whether the whole map has been read. */
    boolean complete() {
        return slot.complete;
    }
}
