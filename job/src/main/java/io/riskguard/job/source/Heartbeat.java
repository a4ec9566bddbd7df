package io.riskguard.job.source;

import io.riskguard.contract.ClockEvent;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.serde.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A clock record at wall-clock time every {@code period}, unioned with the live input: when the
 * market is quiet (idle partitions), it keeps event time moving so lock expiries, cooldowns and
 * session checks fire within about a period of their due time (DESIGN.md, Time).
 */
public final class Heartbeat {

    private Heartbeat() {}

    public static DataGeneratorSource<SourceRecord> source(Duration period) {
        GeneratorFunction<Long, SourceRecord> tick = index -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return SourceRecord.accepted(-1, now, new ClockEvent(now, ""));
        };
        return new DataGeneratorSource<>(tick, Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(1000.0 / Math.max(1, period.toMillis())), Types.SOURCE_RECORD);
    }

    public static WatermarkStrategy<SourceRecord> watermarks() {
        return WatermarkStrategy.<SourceRecord>forMonotonousTimestamps()
                .withTimestampAssigner((r, previous) -> r.evalTs().toEpochMilli());
    }
}
