package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.DailyRealizedProfit;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.DayFigures;
import java.math.BigDecimal;
import java.time.Instant;

/** RULE-013 daily_realized_profit: locks the rest of the trading day once the profit target is banked. */
public final class Rule013DailyRealizedProfit {

    public static final int RULE = 13;
    private static final DecisionCause CAUSE = DecisionCause.DAILY_REALIZED_PROFIT_REACHED;

    public void onTrade(TriggerContext ctx) {
        DailyRealizedProfit cfg = ctx.rules().dailyRealizedProfit();
        DayFigures day = ctx.state().day();
        if (!RuleSet.on(cfg) || day.fired013()) {
            return;
        }
        ctx.evaluated(RULE);
        BigDecimal pnl = day.realized(Rule003DailyRealizedLoss.includeFees(ctx.rules()));
        if (pnl.compareTo(cfg.target()) < 0) {
            return;
        }
        ctx.state().setDay(day.withFired013());
        Instant until = ctx.config().trading().nextReset(ctx.t());
        String reason = "daily realized P&L " + Formats.money(pnl) + " reached the target " + Formats.money(cfg.target());
        if (ctx.proposeLock(RULE, until, CAUSE, reason)) {
            ctx.flatten(RULE, CAUSE, reason);
        }
    }
}
