package io.riskguard.job.operators;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a per-account cache holds for the most recently triggered accounts of this subtask, least
 * recently used dropped first. Dropping an entry loses nothing: a cache keeps its unwritten
 * entries elsewhere until they are written.
 */
final class RecentAccounts<E> {

    /** Accounts whose state a subtask keeps decoded in memory between their triggers. */
    static final int CAPACITY = 10_000;

    private final LinkedHashMap<Long, E> entries;

    RecentAccounts(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, E> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The entry of {@code account}, now the most recently used, or null. */
    E get(long account) {
        return entries.get(account);
    }

    void put(long account, E entry) {
        entries.put(account, entry);
    }

    int size() {
        return entries.size();
    }
}
