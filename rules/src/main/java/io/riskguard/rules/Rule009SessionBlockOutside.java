package io.riskguard.rules;

import io.riskguard.calendar.SessionCalendar;
import io.riskguard.config.RuleSet;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Formats;
import io.riskguard.engine.OrderChange;
import io.riskguard.engine.PositionChange;
import io.riskguard.engine.TriggerContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * RULE-009 session_block_outside: new risk outside the session calendar, or anything left open at
 * the session-end check, locks the account until the next session start and flattens it.
 */
public final class Rule009SessionBlockOutside {

    public static final int RULE = 9;

    public void onPosition(TriggerContext ctx, PositionChange change) {
        if (change.addsRisk()) {
            onNewRisk(ctx, change.what());
        }
    }

    public void onOrder(TriggerContext ctx, OrderChange change) {
        if (change.newWorking()) {
            onNewRisk(ctx, change.what());
        }
    }

    private void onNewRisk(TriggerContext ctx, String what) {
        SessionCalendar session = ctx.config().session();
        if (!RuleSet.on(ctx.rules().sessionBlockOutside()) || session == null) {
            return;
        }
        ctx.evaluated(RULE);
        if (session.inside(ctx.t())) {
            return;
        }
        String reason = what + " at " + Formats.local(ctx.t(), session.zone()) + " " + session.zone().getId()
                + " is outside the trading session";
        lockAndFlatten(ctx, session, DecisionCause.NEW_RISK_OUTSIDE_SESSION, reason);
    }

    /** The session-end check at {@code E(D) + close_grace_seconds}. */
    public void onTimer(TriggerContext ctx) {
        SessionCalendar session = ctx.config().session();
        if (!RuleSet.on(ctx.rules().sessionBlockOutside()) || session == null) {
            return;
        }
        Optional<LocalDate> checked = session.sessionCheckedAt(ctx.t());
        if (checked.isEmpty() || session.inside(ctx.t())) {
            return;
        }
        ctx.evaluated(RULE);
        int positions = ctx.openPositions().size();
        int orders = ctx.workingOrders().size();
        if (positions + orders == 0) {
            return;
        }
        Instant end = session.end(checked.get());
        String reason = positions + " open positions and " + orders + " working orders " + session.closeGraceSeconds()
                + " s after the session ended at " + Formats.local(end, session.zone()) + " " + session.zone().getId();
        lockAndFlatten(ctx, session, DecisionCause.OPEN_AFTER_SESSION_END, reason);
    }

    private static void lockAndFlatten(TriggerContext ctx, SessionCalendar session, DecisionCause cause,
            String reason) {
        if (ctx.proposeLock(RULE, session.nextSessionStart(ctx.t()), cause, reason)) {
            ctx.flatten(RULE, cause, reason);
        }
    }
}
