package io.riskguard.job.operators;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A metric group that keeps the counters registered under it and its subgroups, by their dotted
 * path ({@code rule.RULE-007.cause.lock_expired.breaches}), so that tests can read them back.
 */
final class RecordingMetricGroup extends UnregisteredMetricsGroup {

    private final String path;
    private final Map<String, Counter> counters;

    RecordingMetricGroup() {
        this("", new TreeMap<>());
    }

    private RecordingMetricGroup(String path, Map<String, Counter> counters) {
        this.path = path;
        this.counters = counters;
    }

    /** Every counter registered so far, by path, with its count. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((name, c) -> counts.put(name, c.getCount()));
        return counts;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        counters.put(path + name, counter);
        return counter;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(path + name + ".", counters);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new RecordingMetricGroup(path + key + "." + value + ".", counters);
    }
}
