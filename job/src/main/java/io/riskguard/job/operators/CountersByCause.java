package io.riskguard.job.operators;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One counter per cause, {@code cause.<label>.<name>} under a metric group, registered on the cause's
 * first count: most causes never occur in a given group, and registering every one up front would
 * publish mostly dead series.
 */
final class CountersByCause<E extends Enum<E>> {

    private final MetricGroup group;
    private final String name;
    private final Function<E, String> label;
    private final Map<E, Counter> counters;

    CountersByCause(MetricGroup group, String name, Class<E> causes, Function<E, String> label) {
        this.group = group;
        this.name = name;
        this.label = label;
        this.counters = new EnumMap<>(causes);
    }

    void inc(E cause) {
        counters.computeIfAbsent(cause, c -> group.addGroup("cause", label.apply(c)).counter(name)).inc();
    }
}
