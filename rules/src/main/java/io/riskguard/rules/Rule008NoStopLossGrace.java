package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.PositionState;
import java.time.Duration;
import java.util.ArrayList;

/**
 * RULE-008 no_stop_loss_grace: a position must be protected by a stop within the grace period
 * armed when it opened (the arming itself is bookkeeping). At the deadline an unprotected position
 * is closed; the deadline is then spent.
 */
public final class Rule008NoStopLossGrace {

    public static final int RULE = 8;

    public void onTimer(TriggerContext ctx) {
        for (PositionState p : new ArrayList<>(ctx.openPositions())) {
            if (p.graceDue() == null || p.graceDue().isAfter(ctx.t())) {
                continue;
            }
            ctx.spendGraceTimer(p);
            if (!RuleSet.on(ctx.rules().noStopLossGrace())) {
                continue;
            }
            ctx.evaluated(RULE);
            if (ctx.hasQualifyingStop(p)) {
                continue;
            }
            long grace = Duration.between(p.openedAt(), p.graceDue()).getSeconds();
            ctx.close(RULE, p.contractId(), DecisionCause.NO_STOP_AFTER_GRACE,
                    "no stop order protects " + p.contractId() + " " + grace + " s after it opened");
        }
    }
}
