package io.riskguard.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is remembered of a trade id, for duplicates and voids (RULES.md §1.5). {@code counted} is
 * false when the first event was already voided, or after a void removed it.
 */
public record TradeRecord(
        long tradeId, long orderId, Instant ts, boolean counted, BigDecimal profitAndLoss, BigDecimal fees) {

    public TradeRecord voided() {
        return new TradeRecord(tradeId, orderId, ts, false, profitAndLoss, fees);
    }
}
