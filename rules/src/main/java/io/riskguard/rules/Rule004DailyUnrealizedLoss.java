package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.DailyUnrealizedLoss;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.config.Instrument;
import io.riskguard.market.QuietBand;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;

/** RULE-004 daily_unrealized_loss: closes one position whose floating loss reaches the limit. */
public final class Rule004DailyUnrealizedLoss {

    public static final int RULE = 4;

    /** On a position event leaving {@code contractId} open, or a quote for it. */
    public void onContract(TriggerContext ctx, String contractId) {
        DailyUnrealizedLoss cfg = ctx.rules().dailyUnrealizedLoss();
        if (!RuleSet.on(cfg)) {
            return;
        }
        ctx.evaluated(RULE);
        BigDecimal u = PositionMath.unrealizedNow(ctx, contractId);
        if (u != null && u.compareTo(cfg.limit()) <= 0) {
            ctx.close(RULE, contractId, DecisionCause.UNREALIZED_LOSS_REACHED, "unrealized P&L " + Formats.money(u) + " on " + contractId
                    + " reached the limit " + Formats.money(cfg.limit()));
        }
    }

    /** The marks at which this rule cannot close {@code p}: short of the loss limit (RULES.md §1.12). */
    public QuietBand quietBand(TriggerContext ctx, PositionState p) {
        DailyUnrealizedLoss cfg = ctx.rules().dailyUnrealizedLoss();
        Instrument instrument = ctx.instrument(p.contractId());
        if (!RuleSet.on(cfg) || instrument == null) {
            return QuietBand.ALWAYS;
        }
        return PositionMath.quietBeforePnl(ctx, p, instrument, cfg.limit(), true);
    }
}
