package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A quote for a contract (envelope {@code contractId}). Price fields are null when missing; a
 * missing or zero field means "unchanged" and is merged into the contract's last quote.
 */
public record QuoteEvent(
        Instant ts,
        String contractId,
        BigDecimal lastPrice,
        BigDecimal bestBid,
        BigDecimal bestAsk,
        String raw) implements Event {

    @Override
    public EventType type() {
        return EventType.QUOTE;
    }
}
