package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution. {@code profitAndLoss} is null for an opening fill; {@code fees} is zero when
 * absent; {@code voided} is false when absent or null.
 */
public record TradeEvent(
        Instant ts,
        long accountId,
        long tradeId,
        String contractId,
        BigDecimal price,
        BigDecimal profitAndLoss,
        BigDecimal fees,
        int side,
        long size,
        boolean voided,
        long orderId,
        String raw) implements AccountScopedEvent {

    @Override
    public EventType type() {
        return EventType.TRADE;
    }
}
