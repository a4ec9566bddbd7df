package io.riskguard.job.operators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * What a per-account cache holds for the most recently triggered accounts of this subtask, least
 * recently used dropped first. Dropping an entry loses nothing: a cache keeps its unwritten
 * entries elsewhere until they are written, and {@link FlinkAccountState} writes an account's
 * changes when the account is dropped.
 */
final class RecentAccounts<E> {

    /** Accounts whose state a subtask keeps decoded in memory between their triggers. */
    static final int CAPACITY = 10_000;

    private final LinkedHashMap<Long, E> entries;

    RecentAccounts(int capacity) {
        this(capacity, account -> {});
    }

    /** @param dropped told of each account dropped beyond the capacity */
    RecentAccounts(int capacity, LongConsumer dropped) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, E> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                dropped.accept(eldest.getKey());
                return true;
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
