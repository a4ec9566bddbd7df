package io.riskguard.bridge;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters: lines produced by type, dead letters by reason, reconnects by hub, what
 * the resynchronisations and the silence watchdog did. Read by the periodic status log line and
 * by tests.
 */
public final class BridgeMetrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void produced(String type) {
        add("produced." + type);
    }

    void deadLetter(DeadLetterCause cause) {
        add("deadLetters");
        add("deadLetters." + cause.label());
    }

    void reconnected(String hub) {
        add("connections." + hub);
    }

    void resyncEmitted(String type) {
        add("resync." + type);
    }

    void silenceReconnect() {
        add("watchdog.reconnects");
    }

    void ignoredAccount() {
        add("ignored.otherAccount");
    }

    void produceFailed() {
        add("produceFailed");
    }

    void resyncDone() {
        add("resync.done");
    }

    void resyncFailed() {
        add("resync.failed");
    }

    private void add(String name) {
        counters.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Every counter, by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
