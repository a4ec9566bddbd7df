package io.riskguard.job.support;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A source rate limiter that lets {@code records} through, then holds the source until the named
 * gate is opened: a replay paused at an exact point, whatever the machine's speed. The source stays
 * responsive while held (checkpoints and savepoints go through).
 */
public final class Gate implements RateLimiterStrategy<NumberSequenceSplit> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, CompletableFuture<Void>> GATES = new ConcurrentHashMap<>();

    private final String name;
    private final long records;

    public Gate(String name, long records) {
        this.name = name;
        this.records = records;
        GATES.put(name, new CompletableFuture<>());
    }

    public static void open(String name) {
        GATES.computeIfAbsent(name, n -> new CompletableFuture<>()).complete(null);
    }

    @Override
    public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
        return new RateLimiter<>() {
            private long passed;

            @Override
            public CompletionStage<Void> acquire(int permits) {
                passed += permits;
                return passed <= records ? CompletableFuture.completedFuture(null)
                        : GATES.computeIfAbsent(name, n -> new CompletableFuture<>());
            }
        };
    }
}
