package io.riskguard.rules;

import io.riskguard.config.Instrument;
import io.riskguard.config.RuleSet;
import io.riskguard.config.RuleSet.TradeManagement;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.Decimals;
import io.riskguard.engine.Formats;
import io.riskguard.engine.TriggerContext;
import io.riskguard.market.QuietBand;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * RULE-012 trade_management: moves the position's managed stop to break-even and trails it behind
 * the best mark. Automation only: it never locks, places or cancels, and emits nothing while the
 * account is locked or a close or flatten is in flight.
 */
public final class Rule012TradeManagement {

    public static final int RULE = 12;

    private record Desired(BigDecimal price, String part, DecisionCause cause) {}

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
        ctx.modifyStop(RULE, stop.orderId(), contractId, candidate, desired.cause(), reason);
    }

    /** True when this rule tracks {@code best} for the account's position in {@code contractId}. */
    public static boolean tracksBest(TriggerContext ctx, String contractId) {
        return RuleSet.on(ctx.rules().tradeManagement()) && ctx.instrument(contractId) != null;
    }

    /**
     * Folds into the position's {@code best} the most favourable marks of quotes the account was
     * not delivered because they were inside its quiet band: each was fresh at its own quote trigger,
     * so tracking them one by one would have left exactly this {@code best}. {@code highest} is used
     * for a long, {@code lowest} for a short; null when no such quote came.
     */
    public void carryBest(TriggerContext ctx, String contractId, BigDecimal highest, BigDecimal lowest) {
        PositionState p = ctx.position(contractId);
        if (p == null || !tracksBest(ctx, contractId)) {
            return;
        }
        BigDecimal carried = p.dir() > 0 ? highest : lowest;
        if (carried != null) {
            trackBest(ctx, p, carried);
        }
    }

    /**
     * The marks at which this rule cannot move {@code p}'s managed stop, however {@code best} moves
     * with marks inside the band. Nothing is emitted while the account is locked or a close or
     * flatten is in flight (until those end), nor without a managed stop. Otherwise, in prices
     * mirrored for a short so that "higher" is "more profitable": break-even can only emit from
     * {@code averagePrice + trigger_ticks} on, and only if its candidate would tighten the stop;
     * trailing only from {@code averagePrice + activation_ticks} on and only above the candidate it
     * has already reached from {@code best} (a pull-back keeps it), or else once a new best puts its
     * candidate on the next tick above the stop. A modification in flight counts as the stop until it
     * expires.
     */
    public QuietBand quietBand(TriggerContext ctx, PositionState p) {
        TradeManagement cfg = ctx.rules().tradeManagement();
        Instrument instrument = ctx.instrument(p.contractId());
        if (!RuleSet.on(cfg) || instrument == null) {
            return QuietBand.ALWAYS;
        }
        if (ctx.lockedNow()) {
            return QuietBand.until(ctx.locks().lockedUntil(ctx.t()));
        }
        Instant closing = ctx.pending().closeOrFlattenInFlightUntil(p.contractId());
        if (closing != null) {
            return QuietBand.until(closing);
        }
        OrderState stop = managedStop(ctx, p);
        if (stop == null) {
            return QuietBand.ALWAYS;
        }
        BigDecimal dir = BigDecimal.valueOf(p.dir());
        BigDecimal tick = instrument.tickSize();
        BigDecimal average = p.averagePrice().multiply(dir);
        BigDecimal stopAt = stop.stopPrice().multiply(dir);
        PendingBook.PendingModify inFlight = ctx.pending().modify(stop.orderId());
        if (inFlight != null) {
            stopAt = stopAt.max(inFlight.stopPrice().multiply(dir));
        }
        BigDecimal edge = null;
        if (cfg.breakeven() != null && floorOntoGrid(average.add(ticks(cfg.breakeven().offsetTicks(), tick)), tick)
                .compareTo(stopAt) > 0) {
            edge = average.add(ticks(cfg.breakeven().triggerTicks(), tick));
        }
        if (cfg.trailing() != null) {
            BigDecimal trail = ticks(cfg.trailing().trailTicks(), tick);
            BigDecimal from = floorOntoGrid(stopAt, tick).add(tick).add(trail);
            if (p.best() != null) {
                BigDecimal reached = floorOntoGrid(p.best().multiply(dir).subtract(trail), tick);
                if (reached.compareTo(stopAt) > 0) {
                    from = reached;
                }
            }
            BigDecimal trailing = from.max(average.add(ticks(cfg.trailing().activationTicks(), tick)));
            edge = edge == null ? trailing : edge.min(trailing);
        }
        QuietBand band = edge == null ? QuietBand.ALWAYS
                : p.dir() > 0 ? QuietBand.below(edge) : QuietBand.above(edge.negate());
        return inFlight == null ? band : band.endingBy(inFlight.expires());
    }

    private static BigDecimal ticks(int n, BigDecimal tick) {
        return tick.multiply(BigDecimal.valueOf(n));
    }

    /** In mirrored prices a stop is rounded down for both directions (a short's ceiling). */
    private static BigDecimal floorOntoGrid(BigDecimal price, BigDecimal tick) {
        return Decimals.ontoGrid(price, tick, RoundingMode.FLOOR);
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
        return new Desired(p.averagePrice().add(offset), "break-even", DecisionCause.BREAK_EVEN_STOP);
    }

    private static Desired trailing(TradeManagement cfg, PositionState p, BigDecimal ticks, Instrument instrument) {
        if (cfg.trailing() == null || ticks.compareTo(BigDecimal.valueOf(cfg.trailing().activationTicks())) < 0) {
            return null;
        }
        BigDecimal trail = instrument.tickSize().multiply(BigDecimal.valueOf((long) p.dir() * cfg.trailing().trailTicks()));
        return new Desired(p.best().subtract(trail), "trailing", DecisionCause.TRAILING_STOP);
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
