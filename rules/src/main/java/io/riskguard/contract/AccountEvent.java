package io.riskguard.contract;

import java.time.Instant;

/** Broker account status. Only {@code canTrade} matters to the rules (RULE-010). */
public record AccountEvent(Instant ts, long accountId, boolean canTrade, String raw) implements AccountScopedEvent {
    @Override
    public EventType type() {
        return EventType.ACCOUNT;
    }
}
