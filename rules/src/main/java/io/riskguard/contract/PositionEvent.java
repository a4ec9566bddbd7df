package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position snapshot for one contract. {@code size} is unsigned; {@code positionType} gives the
 * direction (1 long, 2 short, 0 undefined, only allowed with size 0). Size 0 means closed.
 */
public record PositionEvent(
        Instant ts,
        long accountId,
        long positionId,
        String contractId,
        int positionType,
        long size,
        BigDecimal averagePrice,
        String raw) implements AccountScopedEvent {

    @Override
    public EventType type() {
        return EventType.POSITION;
    }
}
