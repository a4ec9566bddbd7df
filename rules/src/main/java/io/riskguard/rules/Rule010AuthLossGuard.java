package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.AccountChange;
import io.riskguard.engine.TriggerContext;

/** RULE-010 auth_loss_guard: mirrors the broker's canTrade with a lock that has no expiry. */
public final class Rule010AuthLossGuard {

    public static final int RULE = 10;

    public void onAccount(TriggerContext ctx, AccountChange change) {
        if (RuleSet.on(ctx.rules().authLossGuard())) {
            ctx.evaluated(RULE);
        }
        if (change.canTrade()) {
            // Ends the lock even if the rule has been disabled since it started.
            if (ctx.locks().active(RULE, ctx.t()).isPresent()) {
                ctx.endLock(RULE, DecisionCause.BROKER_TRADING_RESTORED, "broker reports canTrade=true");
            }
            return;
        }
        boolean wasAllowed = change.previous() == null || change.previous();
        if (RuleSet.on(ctx.rules().authLossGuard()) && wasAllowed) {
            String reason = "broker reports canTrade=false";
            DecisionCause cause = DecisionCause.BROKER_TRADING_DISABLED;
            if (ctx.proposeLock(RULE, null, cause, reason)) {
                ctx.flatten(RULE, cause, reason);
            }
        }
    }
}
