package io.riskguard.job.operators;

import io.riskguard.contract.InputCause;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The {@code rejectedInput} counters: the total, and one per cause ({@code cause.<label>.rejectedInput}),
 * registered on the cause's first rejection.
 */
final class RejectedInputCounters {

    static final String COUNTER = "rejectedInput";

    private final MetricGroup group;
    private final Counter total;
    private final Map<InputCause, Counter> byCause = new EnumMap<>(InputCause.class);

    RejectedInputCounters(MetricGroup group) {
        this.group = group;
        this.total = group.counter(COUNTER);
    }

    void count(InputCause cause) {
        total.inc();
        byCause.computeIfAbsent(cause, c -> group.addGroup("cause", c.label()).counter(COUNTER)).inc();
    }
}
