package io.riskguard.contract;

import java.time.Instant;

/**
 * One accepted input event (CONTRACT.md §1), already validated. {@link #raw()} keeps the original
 * line: warnings quote it, and dead letters must show exactly what arrived.
 */
public sealed interface Event
        permits AccountScopedEvent, QuoteEvent, ClockEvent {

    EventType type();

    /** The envelope {@code ts}: the only clock Riskguard uses. */
    Instant ts();

    String raw();
}
