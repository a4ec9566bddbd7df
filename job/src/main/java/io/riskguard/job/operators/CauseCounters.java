package io.riskguard.job.operators;

import io.riskguard.contract.DecisionCause;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The per-cause breach counters of each rule, registered lazily: a rule breaches with few of the
 * causes, so registering every (rule, cause) pair up front would publish mostly dead series.
 */
final class CauseCounters {

    @SuppressWarnings("unchecked")
    private final Map<DecisionCause, Counter>[] byRule = new Map[14];

    /** The {@code breaches} counter of group {@code cause}/{@code cause.label()} under {@code ruleGroup}. */
    Counter get(MetricGroup ruleGroup, int rule, DecisionCause cause) {
        Map<DecisionCause, Counter> counters = byRule[rule];
        if (counters == null) {
            counters = new EnumMap<>(DecisionCause.class);
            byRule[rule] = counters;
        }
        return counters.computeIfAbsent(cause, c -> ruleGroup.addGroup("cause", c.label()).counter("breaches"));
    }
}
