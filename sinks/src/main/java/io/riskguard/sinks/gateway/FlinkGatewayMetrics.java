package io.riskguard.sinks.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The broker sink's metrics in Flink's metric system (web UI, reporters): requests by endpoint and
 * outcome, retries by endpoint and cause, rate-limit waits, deduplicated actions, and the
 * action-to-acknowledgement latency histogram in milliseconds.
 */
final class FlinkGatewayMetrics implements GatewayMetrics {

    private final MetricGroup group;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter rateLimitWaits;
    private final Counter rateLimitWaitMillis;
    private final Counter deduplicated;
    private final Histogram ackLatency;

    FlinkGatewayMetrics(MetricGroup parent) {
        this.group = parent.addGroup("broker");
        this.rateLimitWaits = group.counter("rateLimitWaits");
        this.rateLimitWaitMillis = group.counter("rateLimitWaitMillis");
        this.deduplicated = group.counter("deduplicatedActions");
        this.ackLatency = group.histogram("actionToAckMillis", new DescriptiveStatisticsHistogram(10_000));
    }

    @Override
    public void request(String endpoint, String outcome) {
        counter("requests", "endpoint", endpoint.replace('/', '_'), "outcome", outcome).inc();
    }

    @Override
    public void retry(String endpoint, String cause) {
        counter("retries", "endpoint", endpoint.replace('/', '_'), "cause", cause).inc();
    }

    @Override
    public void rateLimitWait(long nanos) {
        if (nanos > 1_000_000) {
            rateLimitWaits.inc();
            rateLimitWaitMillis.inc(nanos / 1_000_000);
        }
    }

    @Override
    public void actionDone(String kind, boolean success, long latencyNanos) {
        counter("actions", "kind", kind, "outcome", success ? "done" : "failed").inc();
        ackLatency.update(latencyNanos / 1_000_000);
    }

    @Override
    public void deduplicated() {
        deduplicated.inc();
    }

    private Counter counter(String name, String k1, String v1, String k2, String v2) {
        return counters.computeIfAbsent(name + '|' + v1 + '|' + v2,
                k -> group.addGroup(k1, v1).addGroup(k2, v2).counter(name));
    }
}
