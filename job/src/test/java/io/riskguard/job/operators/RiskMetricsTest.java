package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.DecisionCause;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

class RiskMetricsTest {

    @Test
    void aBreachCountsUnderItsRuleAndItsCauseUnderTheRule() {
        MetricListener listener = new MetricListener();
        RiskMetrics metrics = new RiskMetrics(listener.getMetricGroup(), new LockedAccounts());

        metrics.breached(10);
        metrics.breached(10, DecisionCause.BROKER_TRADING_DISABLED);
        metrics.breached(10);
        metrics.breached(10, DecisionCause.POSITION_WHILE_LOCKED);
        metrics.breached(10, DecisionCause.BROKER_TRADING_DISABLED);

        assertThat(listener.getCounter("rule", "RULE-010", "breaches")).get()
                .extracting(Counter::getCount).isEqualTo(2L);
        assertThat(listener.getCounter("rule", "RULE-010", "cause", "broker_trading_disabled", "breaches")).get()
                .extracting(Counter::getCount).isEqualTo(2L);
        assertThat(listener.getCounter("rule", "RULE-010", "cause", "position_while_locked", "breaches")).get()
                .extracting(Counter::getCount).isEqualTo(1L);
        assertThat(listener.getCounter("rule", "RULE-003", "breaches")).get()
                .extracting(Counter::getCount).isEqualTo(0L);
        assertThat(listener.getCounter("rule", "RULE-003", "cause", "broker_trading_disabled", "breaches")).isEmpty();
    }
}
