package io.riskguard.job.operators;

import java.time.Instant;

/** Flink timers and timestamps are whole milliseconds; instants may be finer. */
final class Millis {

    private Millis() {}

    /** The first millisecond at or after {@code t}: a timer there never fires before {@code t}. */
    static long ceil(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    /** The last instant a timer at millisecond {@code ms} covers. */
    static Instant end(long ms) {
        return Instant.ofEpochMilli(ms);
    }
}
