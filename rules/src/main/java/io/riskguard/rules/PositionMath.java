package io.riskguard.rules;

import io.riskguard.config.Instrument;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import io.riskguard.engine.Decimals;

/** Unrealized P&L and profit in ticks (RULES.md §1.6), exact decimals; divisions per {@link Decimals}. */
final class PositionMath {

    private PositionMath() {}

    /** {@code (mark − averagePrice) × dir × size × tick_value / tick_size}. */
    static BigDecimal unrealized(PositionState p, BigDecimal mark, Instrument instrument) {
        BigDecimal move = mark.subtract(p.averagePrice());
        BigDecimal numerator = move.multiply(BigDecimal.valueOf((long) p.dir() * p.size()))
                .multiply(instrument.tickValue());
        return Decimals.divide(numerator, instrument.tickSize());
    }

    /** {@code (mark − averagePrice) × dir / tick_size}; may be fractional. */
    static BigDecimal profitTicks(PositionState p, BigDecimal mark, Instrument instrument) {
        BigDecimal move = mark.subtract(p.averagePrice()).multiply(BigDecimal.valueOf(p.dir()));
        return Decimals.divide(move, instrument.tickSize());
    }
}
