package io.riskguard.sinks.gateway;

import io.riskguard.contract.Action;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger in the memory of this JVM, shared by every sink writer in it: enough to deduplicate
 * actions replayed by a restore inside one process (a local replay); not across processes. With
 * PostgreSQL configured the job uses {@link JdbcActionLedger} instead.
 */
public final class MemoryActionLedger implements ActionLedger {

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private record Entry(boolean finished, Long observedSize) {}

    /** Forgets everything (tests). */
    public static void clear() {
        ENTRIES.clear();
    }

    @Override
    public Claim claim(Action action) {
        Entry previous = ENTRIES.putIfAbsent(action.id(), new Entry(false, null));
        if (previous == null) {
            return new Claim(Status.NEW, null);
        }
        return new Claim(previous.finished() ? Status.DONE : Status.IN_DOUBT, previous.observedSize());
    }

    @Override
    public void recordObservedSize(String actionId, long size) {
        ENTRIES.put(actionId, new Entry(false, size));
    }

    @Override
    public void finish(String actionId, boolean success, Integer errorCode, String errorMessage) {
        ENTRIES.put(actionId, new Entry(true, null));
    }
}
