package io.riskguard.contract;

import java.time.Instant;

/** Moves event time forward and nothing else; replays use it to let timers fire. */
public record ClockEvent(Instant ts, String raw) implements Event {
    @Override
    public EventType type() {
        return EventType.CLOCK;
    }
}
