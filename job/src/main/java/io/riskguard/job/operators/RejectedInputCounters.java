package io.riskguard.job.operators;

import io.riskguard.contract.InputCause;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The {@code rejectedInput} counters: the total, and one per cause ({@code cause.<label>.rejectedInput}),
 * registered on the cause's first rejection.
 */
final class RejectedInputCounters {

    static final String COUNTER = "rejectedInput";

    private final Counter total;
    private final CountersByCause<InputCause> byCause;

    RejectedInputCounters(MetricGroup group) {
        this.total = group.counter(COUNTER);
        this.byCause = new CountersByCause<>(group, COUNTER, InputCause.class, InputCause::label);
    }

    void count(InputCause cause) {
        total.inc();
        byCause.inc(cause);
    }
}
