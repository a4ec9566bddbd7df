package io.riskguard.job.source;

import java.io.Serializable;

/**
 * Progress of a long replay on stderr, at most every few seconds and only for large inputs. The
 * source runs in the same JVM as {@code bin/riskguard replay}, so this is what the user sees.
 */
final class ReplayProgress implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MIN_LINES = 100_000;
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final boolean enabled;
    private transient long lastReport;

    ReplayProgress(boolean enabled) {
        this.enabled = enabled;
    }

    void report(long done, long total) {
        if (!enabled || total < MIN_LINES) {
            return;
        }
        long now = System.nanoTime();
        if (lastReport == 0) {
            lastReport = now;
        } else if (now - lastReport >= EVERY_NANOS || done == total) {
            lastReport = now;
            System.err.printf("riskguard replay: %,d of %,d lines (%d%%)%n", done, total, done * 100 / total);
        }
    }
}
