package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order snapshot. Enums use the broker's numbering: {@code status} 0 none, 1 open, 2 filled,
 * 3 cancelled, 4 expired, 5 rejected, 6 pending; {@code type} 0 unknown, 1 limit, 2 market,
 * 3 stop-limit, 4 stop, 5 trailing stop, 6 join bid, 7 join ask; {@code side} 0 buy, 1 sell.
 * Nullable: {@code limitPrice}, {@code stopPrice}, {@code fillVolume}, {@code filledPrice},
 * {@code customTag}.
 */
public record OrderEvent(
        Instant ts,
        long accountId,
        long orderId,
        String contractId,
        int status,
        int orderType,
        int side,
        long size,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        Long fillVolume,
        BigDecimal filledPrice,
        String customTag,
        String raw) implements AccountScopedEvent {

    @Override
    public EventType type() {
        return EventType.ORDER;
    }
}
