package io.riskguard.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * When each subscribed contract was last quoted. Users of the broker's market hub report it going
 * silent while the connection stays up; a contract silent past the limit means the connection
 * should be renewed. Thread-safe.
 */
final class QuoteSilenceWatchdog {

    private final long limitNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> lastHeard = new TreeMap<>();

    QuoteSilenceWatchdog(Duration limit, LongSupplier nanoClock) {
        this.limitNanos = limit.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A contract to watch from now on (its silence counts from now). */
    synchronized void watch(String contractId) {
        lastHeard.putIfAbsent(contractId, nanoClock.getAsLong());
    }

    synchronized void heard(String contractId) {
        if (lastHeard.containsKey(contractId)) {
            lastHeard.put(contractId, nanoClock.getAsLong());
        }
    }

    /** A new connection: every contract's silence counts from now. */
    synchronized void restartAll() {
        long now = nanoClock.getAsLong();
        lastHeard.replaceAll((c, t) -> now);
    }

    /** The contracts silent for longer than the limit, in contract order. */
    synchronized List<String> silent() {
        long now = nanoClock.getAsLong();
        List<String> silent = new ArrayList<>();
        lastHeard.forEach((c, t) -> {
            if (now - t > limitNanos) {
                silent.add(c);
            }
        });
        return silent;
    }
}
