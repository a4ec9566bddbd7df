package io.riskguard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * {@code session}: the trading-session calendar (RULES.md §3). {@code end} is exclusive; {@code start >
 * end} means the session crosses midnight.
 */
public record SessionConfig(
        boolean enabled,
        LocalTime start,
        LocalTime end,
        Set<DayOfWeek> days,
        Set<LocalDate> holidays,
        Map<LocalDate, LocalTime> earlyClose,
        int closeGraceSeconds) {

    public SessionConfig {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        earlyClose = Map.copyOf(earlyClose);
    }
}
