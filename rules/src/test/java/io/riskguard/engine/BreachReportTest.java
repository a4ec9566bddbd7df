package io.riskguard.engine;

import static io.riskguard.testing.RuleScript.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreachReportTest {

    private static final long ACCOUNT = 2002;

    /** What the engine reports, in order: "10" for a rule's breach, "10 cause" for a rule's cause. */
    private static final class Recorder implements RuleListener {
        final List<String> breaches = new ArrayList<>();

        @Override
        public void breached(int rule) {
            breaches.add(String.valueOf(rule));
        }

        @Override
        public void breached(int rule, DecisionCause cause) {
            breaches.add(rule + " " + cause);
        }
    }

    @Test
    void eachTriggerReportsABreachOncePerRuleAndOncePerCauseAndAnUnlockIsNoBreach() {
        RuleScript s = RuleScript.withRules("auth_loss_guard: { enabled: true }");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:02:00").account(ACCOUNT, true);
        Recorder recorder = new Recorder();

        s.run(recorder);

        assertThat(recorder.breaches).containsExactly(
                "10", "10 BROKER_TRADING_DISABLED",
                "10", "10 POSITION_WHILE_LOCKED");
    }

    @Test
    void everyCauseFitsTheEnginesSixtyFourBitSetOfCausesSeenPerRule() {
        assertThat(DecisionCause.values()).hasSizeLessThanOrEqualTo(64);
    }
}
