package io.riskguard.rules;

import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.DailyRealizedLoss;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.DayFigures;
import java.math.BigDecimal;
import java.time.Instant;

/** RULE-003 daily_realized_loss: locks the rest of the trading day at the realized loss limit. */
public final class Rule003DailyRealizedLoss {

    public static final int RULE = 3;
    private static final DecisionCause CAUSE = DecisionCause.DAILY_REALIZED_LOSS_REACHED;

    public void onTrade(TriggerContext ctx) {
        DailyRealizedLoss cfg = ctx.rules().dailyRealizedLoss();
        DayFigures day = ctx.state().day();
        if (!RuleSet.on(cfg) || day.fired003()) {
            return;
        }
        ctx.evaluated(RULE);
        BigDecimal pnl = day.realized(includeFees(ctx.rules()));
        if (pnl.compareTo(cfg.limit()) > 0) {
            return;
        }
        ctx.state().setDay(day.withFired003());
        Instant until = ctx.config().trading().nextReset(ctx.t());
        String reason = "daily realized P&L " + Formats.money(pnl) + " reached the limit " + Formats.money(cfg.limit());
        if (ctx.proposeLock(RULE, until, CAUSE, reason)) {
            ctx.flatten(RULE, CAUSE, reason);
        }
    }

    /** Read from the merged RULE-003 entry whether or not it is enabled (RULES.md §1.5). */
    static boolean includeFees(RuleSet rules) {
        return rules.dailyRealizedLoss() != null && rules.dailyRealizedLoss().includeFees();
    }
}
