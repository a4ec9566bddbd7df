package io.riskguard.bench.job;

import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Decision latencies in microseconds, recorded by the job's operators (the MiniCluster shares this
 * JVM, so the recorders are plain static objects) and read by the benchmark's main thread.
 */
final class Latencies {

    /** Up to an hour, 3 significant digits. */
    private static final long HIGHEST = 3_600_000_000L;

    /** Every input record AccountRisk finishes (an event, a quote with its deliveries): when, minus when it was made. */
    static final Recorder TRIGGER = new Recorder(HIGHEST, 3);
    /** Every action decided on an event or quote: when it leaves AccountRisk, minus its source record's time. */
    static final Recorder ACTION = new Recorder(HIGHEST, 3);
    /** Every action decided by an engine timer: when it leaves AccountRisk, minus the timer's due time. */
    static final Recorder TIMER_ACTION = new Recorder(HIGHEST, 3);

    private Latencies() {}

    static void record(Recorder r, Instant since) {
        Instant now = Instant.now();
        long micros = (now.getEpochSecond() - since.getEpochSecond()) * 1_000_000L
                + (now.getNano() - since.getNano()) / 1_000;
        r.recordValue(Math.max(0, Math.min(HIGHEST, micros)));
    }

    /** Discards what was recorded so far (the warm-up). */
    static void reset() {
        TRIGGER.getIntervalHistogram();
        ACTION.getIntervalHistogram();
        TIMER_ACTION.getIntervalHistogram();
    }

    static String describe(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "n=0";
        }
        return String.format("n=%,d  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s", h.getTotalCount(),
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
