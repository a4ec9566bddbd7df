package io.riskguard.job.source;

import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.serde.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

/**
 * The bounded source of {@code replay}: the event files merged by ts, parsed (a replay must know
 * which lines are rejected, since those do not move event time), with monotonous watermarks at
 * each record's evaluation time. It runs at parallelism 1: the merge is one sequence.
 */
public final class ReplaySource {

    private ReplaySource() {}

    /**
     * @param ratePerSecond records per second, or 0 for as fast as possible
     */
    public static DataGeneratorSource<SourceRecord> create(List<Path> files, Instant until, double ratePerSecond,
            boolean showProgress) throws IOException {
        return create(files, until, ratePerSecond, showProgress, 0);
    }

    /**
     * @param speed event time per wall-clock time for a paced replay ({@code local}), or 0
     */
    public static DataGeneratorSource<SourceRecord> create(List<Path> files, Instant until, double ratePerSecond,
            boolean showProgress, double speed) throws IOException {
        RateLimiterStrategy<?> rate = ratePerSecond > 0 ? RateLimiterStrategy.perSecond(ratePerSecond)
                : RateLimiterStrategy.noOp();
        return create(files, until, rate, showProgress, speed);
    }

    /** With any rate limiter (tests pause a replay with one). */
    public static DataGeneratorSource<SourceRecord> create(List<Path> files, Instant until, RateLimiterStrategy<?> rate,
            boolean showProgress, double speed) throws IOException {
        long lines = 0;
        for (Path f : files) {
            lines += countNonBlankLines(f);
        }
        List<String> paths = files.stream().map(p -> p.toAbsolutePath().toString()).toList();
        ReplayGenerator generator = new ReplayGenerator(paths, until, lines, new ReplayProgress(showProgress), speed);
        // one extra record: the end-of-input marker
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataGeneratorSource<SourceRecord> source =
                new DataGeneratorSource<>(generator, lines + 1, (RateLimiterStrategy) rate, Types.SOURCE_RECORD);
        return source;
    }

    public static WatermarkStrategy<SourceRecord> watermarks() {
        return WatermarkStrategy.<SourceRecord>forMonotonousTimestamps()
                .withTimestampAssigner((r, previous) -> r.evalTs() == null ? Long.MIN_VALUE : ceilMillis(r.evalTs()));
    }

    static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    private static long countNonBlankLines(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return r.lines().filter(l -> !l.isBlank()).count();
        }
    }
}
