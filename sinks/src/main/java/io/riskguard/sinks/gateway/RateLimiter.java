package io.riskguard.sinks.gateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A sliding-window limiter matching the broker's rule (at most {@code permits} requests in any
 * {@code window}), with two priorities — a LOW request waits while a HIGH one is waiting — and a
 * pause the broker can impose with a 429 and {@code Retry-After}.
 */
final class RateLimiter {

    private final int permits;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private int highWaiting;

    RateLimiter(int permits, Duration window, LongSupplier nanoClock) {
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /** Blocks until a request may go; returns how long it waited, in nanoseconds. */
    synchronized long acquire(Priority priority) throws InterruptedException {
        long start = clock.getAsLong();
        if (priority == Priority.HIGH) {
            highWaiting++;
        }
        try {
            while (true) {
                long now = clock.getAsLong();
                while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
                    granted.pollFirst();
                }
                long wait = 0;
                if (now < pausedUntil) {
                    wait = pausedUntil - now;
                } else if (granted.size() >= permits) {
                    wait = granted.peekFirst() + windowNanos - now;
                } else if (priority == Priority.LOW && highWaiting > 0) {
                    wait = 1_000_000; // a HIGH request is about to take the slot
                }
                if (wait <= 0) {
                    granted.addLast(now);
                    return now - start;
                }
                long ms = Math.max(1, wait / 1_000_000);
                wait(ms);
            }
        } finally {
            if (priority == Priority.HIGH) {
                highWaiting--;
                notifyAll();
            }
        }
    }

    /** The broker said 429: nobody sends before {@code nanoTime}. */
    synchronized void pauseUntil(long nanoTime) {
        if (nanoTime > pausedUntil) {
            pausedUntil = nanoTime;
        }
        notifyAll();
    }
}
