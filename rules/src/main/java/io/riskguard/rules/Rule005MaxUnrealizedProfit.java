package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.MaxUnrealizedProfit;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.config.Instrument;
import io.riskguard.market.QuietBand;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;

/** RULE-005 max_unrealized_profit: banks one position whose floating profit reaches the target. */
public final class Rule005MaxUnrealizedProfit {

    public static final int RULE = 5;

    /** On a position event leaving {@code contractId} open, or a quote for it. */
    public void onContract(TriggerContext ctx, String contractId) {
        MaxUnrealizedProfit cfg = ctx.rules().maxUnrealizedProfit();
        if (!RuleSet.on(cfg)) {
            return;
        }
        ctx.evaluated(RULE);
        BigDecimal u = PositionMath.unrealizedNow(ctx, contractId);
        if (u != null && u.compareTo(cfg.target()) >= 0) {
            ctx.close(RULE, contractId, DecisionCause.UNREALIZED_PROFIT_REACHED, "unrealized P&L " + Formats.money(u) + " on " + contractId
                    + " reached the target " + Formats.money(cfg.target()));
        }
    }

    /** The marks at which this rule cannot close {@code p}: short of the profit target (RULES.md §1.12). */
    public QuietBand quietBand(TriggerContext ctx, PositionState p) {
        MaxUnrealizedProfit cfg = ctx.rules().maxUnrealizedProfit();
        Instrument instrument = ctx.instrument(p.contractId());
        if (!RuleSet.on(cfg) || instrument == null) {
            return QuietBand.ALWAYS;
        }
        return PositionMath.quietBeforePnl(ctx, p, instrument, cfg.target(), false);
    }
}
