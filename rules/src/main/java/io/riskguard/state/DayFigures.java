package io.riskguard.state;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Figures of one trading day: realized P&L and fees of its counted trades, and whether RULE-003 and
 * RULE-013 have fired in it. A new trading day starts from {@link #startOf(LocalDate)}.
 */
public record DayFigures(LocalDate tradingDay, BigDecimal pnl, BigDecimal fees, boolean fired003, boolean fired013) {

    public static final DayFigures EMPTY = new DayFigures(null, BigDecimal.ZERO, BigDecimal.ZERO, false, false);

    public static DayFigures startOf(LocalDate day) {
        return new DayFigures(day, BigDecimal.ZERO, BigDecimal.ZERO, false, false);
    }

    public boolean isEmpty() {
        return tradingDay == null;
    }

    public DayFigures add(BigDecimal pnlDelta, BigDecimal feesDelta) {
        return new DayFigures(tradingDay, pnl.add(pnlDelta), fees.add(feesDelta), fired003, fired013);
    }

    public DayFigures withFired003() {
        return new DayFigures(tradingDay, pnl, fees, true, fired013);
    }

    public DayFigures withFired013() {
        return new DayFigures(tradingDay, pnl, fees, fired003, true);
    }

    /** The daily realized figure read by RULE-003 and RULE-013. */
    public BigDecimal realized(boolean includeFees) {
        return includeFees ? pnl.subtract(fees) : pnl;
    }
}
