package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.DecisionCause;
import org.junit.jupiter.api.Test;

class RiskMetricsTest {

    @Test
    void aBreachCountsUnderItsRuleAndItsCauseUnderTheRule() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        RiskMetrics metrics = new RiskMetrics(group, new LockedAccounts());

        metrics.breached(10);
        metrics.breached(10, DecisionCause.BROKER_TRADING_DISABLED);
        metrics.breached(10);
        metrics.breached(10, DecisionCause.POSITION_WHILE_LOCKED);
        metrics.breached(10, DecisionCause.BROKER_TRADING_DISABLED);

        assertThat(group.counts())
                .containsEntry("rule.RULE-010.breaches", 2L)
                .containsEntry("rule.RULE-010.cause.broker_trading_disabled.breaches", 2L)
                .containsEntry("rule.RULE-010.cause.position_while_locked.breaches", 1L)
                .containsEntry("rule.RULE-003.breaches", 0L)
                .doesNotContainKey("rule.RULE-003.cause.broker_trading_disabled.breaches");
    }
}
