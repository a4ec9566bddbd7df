package io.riskguard.calendar;

import io.riskguard.config.DailyResetConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Trading days and daily reset instants (RULES.md §1.4). Trading day {@code d} is the half-open
 * interval {@code [I(d-1), I(d))} where {@code I(d)} is the reset instant of local date {@code d};
 * {@code ZonedDateTime.of} shifts a time in a DST gap forward and takes the earlier offset in an
 * overlap, exactly as the spec requires.
 *
 * <p>With the reset disabled the whole stream is one trading day, {@link #WHOLE_STREAM}.
 */
public final class TradingCalendar {

    /** The single trading day of a stream without daily reset. */
    public static final LocalDate WHOLE_STREAM = LocalDate.of(1970, 1, 1);

    private final ZoneId zone;
    private final LocalTime resetTime;
    private final boolean enabled;

    /** Last computed day; trading days are asked for far more often than they change. */
    private volatile Day lastDay;
    private volatile Reset lastReset;

    private record Reset(LocalDate date, Instant instant) {}

    private record Day(LocalDate date, Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    public TradingCalendar(ZoneId zone, DailyResetConfig reset) {
        this.zone = zone;
        this.resetTime = reset.time();
        this.enabled = reset.enabled();
    }

    public boolean resetEnabled() {
        return enabled;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code I(d)}: the reset instant of local date {@code d}. */
    public Instant resetInstant(LocalDate d) {
        Reset cached = lastReset;
        if (cached != null && cached.date().equals(d)) {
            return cached.instant();
        }
        Instant instant = ZonedDateTime.of(d, resetTime, zone).toInstant();
        lastReset = new Reset(d, instant);
        return instant;
    }

    /** {@code td(t)}: the local date of the first reset instant strictly after {@code t}. */
    public LocalDate tradingDay(Instant t) {
        return enabled ? day(t).date() : WHOLE_STREAM;
    }

    /** {@code nextReset(t)}: the first reset instant strictly after {@code t}. Reset must be enabled. */
    public Instant nextReset(Instant t) {
        requireEnabled();
        return day(t).end();
    }

    /** Start (inclusive) of the trading day containing {@code t}; {@link Instant#MIN} without reset. */
    public Instant dayStart(Instant t) {
        return enabled ? day(t).start() : Instant.MIN;
    }

    private Day day(Instant t) {
        Day cached = lastDay;
        if (cached != null && cached.contains(t)) {
            return cached;
        }
        LocalDate local = LocalDate.ofInstant(t, zone);
        LocalDate date = t.isBefore(resetInstant(local)) ? local : local.plusDays(1);
        Day computed = new Day(date, resetInstant(date.minusDays(1)), resetInstant(date));
        lastDay = computed;
        return computed;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("daily reset is disabled");
        }
    }
}
