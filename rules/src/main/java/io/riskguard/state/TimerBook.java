package io.riskguard.state;

import java.time.Instant;
import java.util.Set;

/** The wake-up instants currently registered for the account, so changes can be diffed. */
public record TimerBook(Set<Instant> scheduled) {

    public static final TimerBook EMPTY = new TimerBook(Set.of());

    public TimerBook {
        scheduled = Set.copyOf(scheduled);
    }

    public boolean isEmpty() {
        return scheduled.isEmpty();
    }
}
