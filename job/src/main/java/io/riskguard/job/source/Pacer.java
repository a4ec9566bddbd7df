package io.riskguard.job.source;

import java.time.Duration;
import java.time.Instant;

/**
 * Releases records at {@code speed} times real time: event time that is {@code d} after the first
 * record is due {@code d / speed} after start. Long quiet stretches are compressed to at most
 * {@link #MAX_WAIT} so a demo never stalls.
 */
final class Pacer {

    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final double speed;
    private Instant firstEventTime;
    private long startNanos;

    Pacer(double speed) {
        this.speed = speed;
    }

    void await(Instant eventTime) {
        if (firstEventTime == null) {
            firstEventTime = eventTime;
            startNanos = System.nanoTime();
            return;
        }
        long dueNanos = startNanos + (long) (Duration.between(firstEventTime, eventTime).toNanos() / speed);
        long wait = dueNanos - System.nanoTime();
        if (wait > MAX_WAIT.toNanos()) {
            startNanos -= wait - MAX_WAIT.toNanos();
            wait = MAX_WAIT.toNanos();
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
