package io.riskguard.contract;

import java.time.Instant;

/**
 * One input line in replay order. Either {@code event} is set (accepted input) or {@code rejection}
 * is (the dead-letter reason, {@code cause} its type). {@code evalTs} is the event time at which the line is evaluated:
 * the event's ts, or the current event time if the line arrives late (RULES.md §1.3); rejected
 * lines do not move it. {@code seq} numbers lines in replay order, from 0.
 */
public record MergedLine(long seq, String line, Event event, String rejection, InputCause cause, Instant evalTs) {

    public boolean accepted() {
        return event != null;
    }
}
