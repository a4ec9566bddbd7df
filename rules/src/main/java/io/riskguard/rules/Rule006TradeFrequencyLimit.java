package io.riskguard.rules;

import io.riskguard.config.LockDuration;
import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.FrequencyCount;
import io.riskguard.config.RuleSet.TradeFrequencyLimit;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.TriggerContext;
import io.riskguard.engine.TradeChange;
import io.riskguard.state.Fill;
import io.riskguard.state.OrderState;
import io.riskguard.state.PositionState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RULE-006 trade_frequency_limit: counts entries, orders or executions in a rolling minute, a
 * rolling hour and the trading day; a trade that adds to a window above its limit starts a
 * cooldown lock and cancels working orders (or flattens).
 */
public final class Rule006TradeFrequencyLimit {

    public static final int RULE = 6;
    private static final DecisionCause CAUSE = DecisionCause.TRADE_FREQUENCY_EXCEEDED;

    /** The three windows, shortest first; a later one wins a cooldown tie. */
    private enum Window { MINUTE, HOUR, SESSION }

    private record Breach(Window window, int count, int limit, LockDuration cooldown) {}

    public void onTrade(TriggerContext ctx, TradeChange change) {
        TradeFrequencyLimit cfg = ctx.rules().tradeFrequencyLimit();
        if (!RuleSet.on(cfg) || !change.counted()) {
            return;
        }
        ctx.evaluated(RULE);
        boolean opening = change.event().profitAndLoss() == null;
        if (cfg.count() == FrequencyCount.ENTRIES && !opening) {
            return;
        }
        long unit = cfg.count() == FrequencyCount.EXECUTIONS ? change.event().tradeId() : change.event().orderId();
        Breach breach = worstBreach(ctx, cfg, change.event().tradeId(), unit);
        if (breach == null) {
            return;
        }
        String reason = breach.count() + " " + cfg.count().name().toLowerCase(Locale.ROOT) + " in the "
                + windowName(ctx, breach.window()) + " exceed the limit " + breach.limit();
        if (!ctx.proposeLock(RULE, Locks.cooldownUntil(ctx, breach.cooldown()), CAUSE, reason)) {
            return;
        }
        if (cfg.flattenOnBreach()) {
            ctx.flatten(RULE, CAUSE, reason);
            return;
        }
        for (OrderState o : ctx.workingOrders()) {
            if (!protectsOpenPosition(ctx, o)) {
                ctx.cancel(RULE, o.orderId(), o.contractId(), CAUSE, reason);
            }
        }
    }

    /** Among breached windows, the one with the longest cooldown (ties: the longer window). */
    private static Breach worstBreach(TriggerContext ctx, TradeFrequencyLimit cfg, long tradeId, long unit) {
        Instant t = ctx.t();
        Instant minuteFrom = t.minusSeconds(60);
        Instant hourFrom = t.minusSeconds(3600);
        Instant sessionFrom = ctx.config().trading().dayStart(t);
        Set<Long> minute = new HashSet<>();
        Set<Long> hour = new HashSet<>();
        Set<Long> session = new HashSet<>();
        List<Fill> fills = ctx.state().fills().fills();
        for (Fill f : fills) {
            if (f.tradeId() == tradeId || (cfg.count() == FrequencyCount.ENTRIES && !f.opening())) {
                continue;
            }
            long u = cfg.count() == FrequencyCount.EXECUTIONS ? f.tradeId() : f.orderId();
            if (!f.ts().isBefore(minuteFrom)) {
                minute.add(u);
            }
            if (!f.ts().isBefore(hourFrom)) {
                hour.add(u);
            }
            if (!f.ts().isBefore(sessionFrom)) {
                session.add(u);
            }
        }
        Breach worst = null;
        worst = worse(worst, breach(Window.MINUTE, minute, unit, cfg.perMinute(), cfg.cooldownPerMinute()));
        worst = worse(worst, breach(Window.HOUR, hour, unit, cfg.perHour(), cfg.cooldownPerHour()));
        worst = worse(worst, breach(Window.SESSION, session, unit, cfg.perSession(), cfg.cooldownPerSession()));
        return worst;
    }

    /** The trade adds to a window iff its unit is not already there; it breaches iff it adds above the limit. */
    private static Breach breach(Window window, Set<Long> units, long unit, int limit, LockDuration cooldown) {
        if (units.contains(unit) || units.size() + 1 <= limit) {
            return null;
        }
        return new Breach(window, units.size() + 1, limit, cooldown);
    }

    private static Breach worse(Breach current, Breach candidate) {
        if (candidate == null) {
            return current;
        }
        if (current == null || candidate.cooldown().compareLength(current.cooldown()) >= 0) {
            return candidate;
        }
        return current;
    }

    private static String windowName(TriggerContext ctx, Window window) {
        return switch (window) {
            case MINUTE -> "last 60 s";
            case HOUR -> "last 3600 s";
            case SESSION -> ctx.config().trading().resetEnabled()
                    ? "trading day " + ctx.config().trading().tradingDay(ctx.t())
                    : "whole stream";
        };
    }

    /** Qualifying stops of open positions stay working to protect them. */
    private static boolean protectsOpenPosition(TriggerContext ctx, OrderState o) {
        PositionState p = ctx.position(o.contractId());
        return p != null && TriggerContext.isQualifyingStop(o, p);
    }
}
