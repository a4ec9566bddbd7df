package io.riskguard.job.source;

import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.job.generate.GeneratedEvent;
import io.riskguard.job.generate.MarketSimulator;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.serde.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * {@code local --generate}: an endless simulated market at a fixed rate, stamped with the wall
 * clock as live events are; about 70% of the events are quotes. Each line is parsed exactly as
 * input from Kafka would be.
 */
public final class SimulatedLiveSource {

    private SimulatedLiveSource() {}

    public static DataGeneratorSource<SourceRecord> create(int accounts, double eventsPerSecond, long seed) {
        return new DataGeneratorSource<>(new Generator(accounts, eventsPerSecond, seed), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(eventsPerSecond), Types.SOURCE_RECORD);
    }

    /** Live watermarks: a little out-of-orderness, and an idle source does not hold time back. */
    public static WatermarkStrategy<SourceRecord> watermarks() {
        return WatermarkStrategy.<SourceRecord>forBoundedOutOfOrderness(Duration.ofMillis(200))
                .withTimestampAssigner((r, previous) -> r.evalTs() == null ? Long.MIN_VALUE : r.evalTs().toEpochMilli())
                .withIdleness(Duration.ofSeconds(5));
    }

    private static final class Generator implements GeneratorFunction<Long, SourceRecord> {
        private static final long serialVersionUID = 1L;
        /** A full entry-to-exit cycle of one trader emits about this many events. */
        private static final double EVENTS_PER_ROUND_TRIP = 12;

        private final int accounts;
        private final double eventsPerSecond;
        private final long seed;
        private transient MarketSimulator simulator;
        private transient Instant last;

        Generator(int accounts, double eventsPerSecond, long seed) {
            this.accounts = accounts;
            this.eventsPerSecond = eventsPerSecond;
            this.seed = seed;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            Instant start = Instant.now();
            double entriesPerHour = 0.3 * eventsPerSecond * 3600 / (EVENTS_PER_ROUND_TRIP * accounts);
            simulator = new MarketSimulator(new MarketSimulator.Settings(accounts, 10_001, start,
                    start.plus(Duration.ofDays(3650)), 0.7 * eventsPerSecond, entriesPerHour, seed));
            last = start;
        }

        @Override
        public SourceRecord map(Long index) {
            GeneratedEvent g = simulator.next();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            last = now.isAfter(last) ? now : last;
            String line = g.toJson(last);
            try {
                Event e = EventCodec.parse(line);
                return SourceRecord.accepted(index, last, e);
            } catch (RejectedInputException r) {
                return SourceRecord.rejected(index, last, r.cause(), r.reason(), line);
            }
        }
    }
}
