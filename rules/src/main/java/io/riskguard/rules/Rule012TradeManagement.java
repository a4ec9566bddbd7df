package io.riskguard.rules;

import io.riskguard.config.Instrument;
import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.TradeManagement;
import io.riskguard.engine.Decimals;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * RULE-012 trade_management: moves the position's managed stop to break-even and trails it behind
 * the best mark. Automation only: it never locks, places or cancels, and emits nothing while the
 * account is locked or a close or flatten is in flight.
 */
public final class Rule012TradeManagement {

    public static final int RULE = 12;

    private record Desired(BigDecimal price, String part) {}

    /** On a position, order or quote trigger for {@code contractId}. */
    public void onContract(TriggerContext ctx, String contractId) {
        TradeManagement cfg = ctx.rules().tradeManagement();
        PositionState p = ctx.position(contractId);
        if (!RuleSet.on(cfg) || p == null) {
            return;
        }
        ctx.evaluated(RULE);
        Instrument instrument = ctx.instrument(contractId);
        BigDecimal mark = ctx.freshMark(contractId);
        if (instrument == null || mark == null) {
            return;
        }
        p = trackBest(ctx, p, mark);
        if (ctx.lockedNow() || closeInFlight(ctx.pending(), contractId)) {
            return;
        }
        OrderState stop = managedStop(ctx, p);
        if (stop == null) {
            return;
        }
        BigDecimal ticks = PositionMath.profitTicks(p, mark, instrument);
        Desired desired = tighter(p, breakEven(cfg, p, ticks, instrument), trailing(cfg, p, ticks, instrument));
        if (desired == null) {
            return;
        }
        BigDecimal candidate = ontoGrid(p, desired.price(), instrument.tickSize());
        if (!improves(p, stop.stopPrice(), candidate, mark, ctx.pending().modify(stop.orderId()))) {
            return;
        }
        String reason = desired.part() + " stop for " + contractId + ": " + Formats.price(stop.stopPrice()) + " -> "
                + Formats.price(candidate) + " (profit " + Formats.price(ticks) + " ticks)";
        ctx.modifyStop(RULE, stop.orderId(), contractId, candidate, reason);
    }

    private static PositionState trackBest(TriggerContext ctx, PositionState p, BigDecimal mark) {
        BigDecimal best = p.best() == null ? mark
                : p.dir() > 0 ? p.best().max(mark) : p.best().min(mark);
        if (p.best() != null && best.compareTo(p.best()) == 0) {
            return p;
        }
        PositionState updated = p.withBest(best);
        ctx.putPosition(updated);
        return updated;
    }

    private static boolean closeInFlight(PendingBook pending, String contractId) {
        PendingBook.PendingTarget target = pending.position(contractId);
        return pending.flattenActive() || (target != null && target.target() == 0);
    }

    /** Among qualifying stops with a stop price: latest workingSince, ties the larger orderId. */
    private static OrderState managedStop(TriggerContext ctx, PositionState p) {
        OrderState managed = null;
        for (OrderState o : ctx.orders()) {
            if (!TriggerContext.isQualifyingStop(o, p) || o.stopPrice() == null) {
                continue;
            }
            if (managed == null || o.workingSince().compareTo(managed.workingSince()) >= 0) {
                managed = o;
            }
        }
        return managed;
    }

    private static Desired breakEven(TradeManagement cfg, PositionState p, BigDecimal ticks, Instrument instrument) {
        if (cfg.breakeven() == null || ticks.compareTo(BigDecimal.valueOf(cfg.breakeven().triggerTicks())) < 0) {
            return null;
        }
        BigDecimal offset = instrument.tickSize().multiply(BigDecimal.valueOf((long) p.dir() * cfg.breakeven().offsetTicks()));
        return new Desired(p.averagePrice().add(offset), "break-even");
    }

    private static Desired trailing(TradeManagement cfg, PositionState p, BigDecimal ticks, Instrument instrument) {
        if (cfg.trailing() == null || ticks.compareTo(BigDecimal.valueOf(cfg.trailing().activationTicks())) < 0) {
            return null;
        }
        BigDecimal trail = instrument.tickSize().multiply(BigDecimal.valueOf((long) p.dir() * cfg.trailing().trailTicks()));
        return new Desired(p.best().subtract(trail), "trailing");
    }

    /** Long: the higher; short: the lower; break-even on a tie. */
    private static Desired tighter(PositionState p, Desired breakEven, Desired trailing) {
        if (breakEven == null || trailing == null) {
            return breakEven != null ? breakEven : trailing;
        }
        int cmp = trailing.price().compareTo(breakEven.price()) * p.dir();
        return cmp > 0 ? trailing : breakEven;
    }

    /** Onto the tick grid: down for a long, up for a short, so the stop never ends up looser. */
    private static BigDecimal ontoGrid(PositionState p, BigDecimal price, BigDecimal tick) {
        RoundingMode mode = p.dir() > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return Decimals.ontoGrid(price, tick, mode);
    }

    /** Strictly between the current stop and the mark, and tighter than a modification in flight. */
    private static boolean improves(PositionState p, BigDecimal current, BigDecimal candidate, BigDecimal mark,
            PendingBook.PendingModify inFlight) {
        int dir = p.dir();
        boolean between = candidate.subtract(current).signum() * dir > 0 && mark.subtract(candidate).signum() * dir > 0;
        return between && (inFlight == null || candidate.subtract(inFlight.stopPrice()).signum() * dir > 0);
    }
}
