package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.CooldownAfterLoss;
import io.riskguard.config.RuleSet.LossTier;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TradeChange;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.OrderLoss;

/**
 * RULE-007 cooldown_after_loss: when one order's realized loss reaches a tier, a cooldown lock and a
 * flatten. Each order fires each tier at most once; a less severe tier never fires after a more
 * severe one.
 */
public final class Rule007CooldownAfterLoss {

    public static final int RULE = 7;

    public void onTrade(TriggerContext ctx, TradeChange change) {
        CooldownAfterLoss cfg = ctx.rules().cooldownAfterLoss();
        if (!RuleSet.on(cfg) || !change.counted() || change.event().profitAndLoss() == null) {
            return;
        }
        ctx.evaluated(RULE);
        OrderLoss order = ctx.state().orderLoss(change.event().orderId());
        LossTier tier = mostSevereReached(cfg, order);
        if (tier == null || (order.firedTier() != null && order.firedTier().compareTo(tier.loss()) <= 0)) {
            return;
        }
        ctx.state().putOrderLoss(order.withFiredTier(tier.loss()));
        String reason = "order " + order.orderId() + " lost " + Formats.money(order.loss()) + ", reaching the tier "
                + Formats.money(tier.loss());
        DecisionCause cause = DecisionCause.ORDER_LOSS_TIER_REACHED;
        if (ctx.proposeLock(RULE, Locks.cooldownUntil(ctx, tier.cooldown()), cause, reason)) {
            ctx.flatten(RULE, cause, reason);
        }
    }

    /** The most severe (most negative) tier with {@code L(o) <= tier.loss}, or null. */
    private static LossTier mostSevereReached(CooldownAfterLoss cfg, OrderLoss order) {
        LossTier best = null;
        for (LossTier tier : cfg.tiers()) {
            if (order.loss().compareTo(tier.loss()) <= 0 && (best == null || tier.loss().compareTo(best.loss()) < 0)) {
                best = tier;
            }
        }
        return best;
    }
}
