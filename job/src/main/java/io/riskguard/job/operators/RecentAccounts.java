package io.riskguard.job.operators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a per-account cache holds for the most recently triggered accounts of this subtask, least
 * recently used dropped first. Only clean entries are ever dropped: the caches write through.
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

    E of(long account, Supplier<E> fresh) {
        E e = entries.get(account);
        if (e == null) {
            e = fresh.get();
            entries.put(account, e);
        }
        return e;
    }

    int size() {
        return entries.size();
    }
}
