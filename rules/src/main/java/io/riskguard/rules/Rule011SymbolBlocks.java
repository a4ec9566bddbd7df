package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.OrderChange;
import io.riskguard.engine.PositionChange;
import io.riskguard.engine.TriggerContext;

/** RULE-011 symbol_blocks: no new positions or working orders in blocked roots. */
public final class Rule011SymbolBlocks {

    public static final int RULE = 11;
    private static final DecisionCause CAUSE = DecisionCause.SYMBOL_BLOCKED;

    public void onPosition(TriggerContext ctx, PositionChange change) {
        if (!change.addsRisk()) {
            return;
        }
        String reason = blockedReason(ctx, change.contractId());
        if (reason != null) {
            ctx.close(RULE, change.contractId(), CAUSE, reason);
        }
    }

    public void onOrder(TriggerContext ctx, OrderChange change) {
        if (!change.newWorking()) {
            return;
        }
        String reason = blockedReason(ctx, change.event().contractId());
        if (reason != null) {
            ctx.cancel(RULE, change.event().orderId(), change.event().contractId(), CAUSE, reason);
        }
    }

    private static String blockedReason(TriggerContext ctx, String contractId) {
        if (!RuleSet.on(ctx.rules().symbolBlocks())) {
            return null;
        }
        ctx.evaluated(RULE);
        String pattern = ctx.config().blockingPattern(ctx.rules(), contractId);
        return pattern == null ? null : ctx.root(contractId) + " is blocked by pattern " + pattern;
    }
}
