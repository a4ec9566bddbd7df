package io.riskguard.sinks.gateway.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A sliding window of at most {@code limit} accepted requests per {@code window}, per user, on a clock
 * of nanoseconds. Rejected requests take no slot.
 */
final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** 0 when the request may proceed (and is counted); else whole seconds (>= 1) until a slot frees. */
    long tryAcquire(String user) {
        Deque<Long> accepted = windows.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (accepted) {
            long nowNanos = nanoClock.getAsLong();
            while (!accepted.isEmpty() && nowNanos - accepted.peekFirst() >= windowNanos) {
                accepted.pollFirst();
            }
            if (accepted.size() < limit) {
                accepted.addLast(nowNanos);
                return 0;
            }
            long waitNanos = accepted.peekFirst() + windowNanos - nowNanos;
            long seconds = (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            return Math.max(1, seconds);
        }
    }

    void reset() {
        windows.clear();
    }
}
