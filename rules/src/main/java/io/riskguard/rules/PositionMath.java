package io.riskguard.rules;

import io.riskguard.config.Instrument;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import io.riskguard.engine.Decimals;
import io.riskguard.engine.TriggerContext;
import io.riskguard.market.QuietBand;
import java.time.Instant;

/** Unrealized P&L and profit in ticks (RULES.md §1.6), exact decimals; divisions per {@link Decimals}. */
final class PositionMath {

    private PositionMath() {}

    /**
     * The unrealized P&L of the account's position in {@code contractId} at the trigger's time, or
     * null when RULE-004/005 must skip it: no open position, no instruments entry, or no fresh mark.
     */
    static BigDecimal unrealizedNow(TriggerContext ctx, String contractId) {
        PositionState p = ctx.position(contractId);
        Instrument instrument = ctx.instrument(contractId);
        BigDecimal mark = ctx.freshMark(contractId);
        return p == null || instrument == null || mark == null ? null : unrealized(p, mark, instrument);
    }

    /** {@code (mark − averagePrice) × dir × size × tick_value / tick_size}. */
    static BigDecimal unrealized(PositionState p, BigDecimal mark, Instrument instrument) {
        BigDecimal move = mark.subtract(p.averagePrice());
        BigDecimal numerator = move.multiply(BigDecimal.valueOf((long) p.dir() * p.size()))
                .multiply(instrument.tickValue());
        return Decimals.divide(numerator, instrument.tickSize());
    }

    /**
     * The mark at which the position's unrealized P&L is exactly {@code pnl}: {@code averagePrice +
     * pnl × tick_size / (dir × size × tick_value)}, the edge of RULE-004's and RULE-005's quiet bands.
     * In double arithmetic: a few ulps off the exact edge, far inside the margin by which
     * {@link io.riskguard.market.QuietBand} pulls every edge in.
     */
    static double markAt(PositionState p, BigDecimal pnl, Instrument instrument) {
        double perPoint = instrument.tickValue().doubleValue() * p.dir() * p.size();
        return p.averagePrice().doubleValue() + pnl.doubleValue() * instrument.tickSize().doubleValue() / perPoint;
    }

    /**
     * The marks at which a rule that closes {@code p} once its unrealized P&L reaches {@code pnl}
     * cannot act: on the near side of {@link #markAt} (a loss limit is reached from above by a long,
     * from below by a short; a profit target the other way round). While a close of the contract is
     * in flight every close is suppressed (RULES.md §1.7), so the rule is quiet at any mark until that
     * record expires.
     */
    static QuietBand quietBeforePnl(TriggerContext ctx, PositionState p, Instrument instrument, BigDecimal pnl,
            boolean loss) {
        Instant closing = ctx.pending().closeInFlightUntil(p.contractId());
        if (closing != null) {
            return QuietBand.until(closing);
        }
        double edge = markAt(p, pnl, instrument);
        return (p.dir() > 0) == loss ? QuietBand.above(edge) : QuietBand.below(edge);
    }

    /** {@code (mark − averagePrice) × dir / tick_size}; may be fractional. */
    static BigDecimal profitTicks(PositionState p, BigDecimal mark, Instrument instrument) {
        BigDecimal move = mark.subtract(p.averagePrice()).multiply(BigDecimal.valueOf(p.dir()));
        return Decimals.divide(move, instrument.tickSize());
    }
}
