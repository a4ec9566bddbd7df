package io.riskguard.calendar;

import io.riskguard.config.SessionConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The session calendar of RULES.md §3. A session starts on local date {@code D} iff {@code D}'s
 * weekday is a session day and {@code D} is not a holiday; it is the half-open instant interval
 * {@code [S(D), E(D))}. Sessions are at most 24 hours long and never overlap, so the sessions
 * around an instant are found by looking at a few neighbouring dates.
 */
public final class SessionCalendar {

    /** Far enough to cross any realistic run of holidays; bounds every search. */
    private static final int MAX_SEARCH_DAYS = 3700;

    private final SessionConfig config;
    private final ZoneId zone;

    /**
     * Last answers, reused while {@code t} stays in the interval they hold for: every event asks
     * these questions and the answer changes only at session boundaries.
     */
    private volatile Span lastSpan;
    private volatile Next lastCloseCheck;

    /** {@code [from, to)} is wholly inside a session or wholly outside. */
    private record Span(Instant from, Instant to, boolean inside) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** The smallest check after any instant in {@code [from, answer)} is {@code answer}. */
    private record Next(Instant from, Instant answer) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(answer);
        }
    }

    public SessionCalendar(SessionConfig config, ZoneId zone) {
        this.config = config;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public int closeGraceSeconds() {
        return config.closeGraceSeconds();
    }

    public boolean startsSession(LocalDate d) {
        return config.days().contains(d.getDayOfWeek()) && !config.holidays().contains(d);
    }

    /** {@code S(D)}. */
    public Instant start(LocalDate d) {
        return ZonedDateTime.of(d, config.start(), zone).toInstant();
    }

    /** {@code E(D)}: an early close replaces the regular end; an end not after start falls on the next day. */
    public Instant end(LocalDate d) {
        LocalTime e = config.earlyClose().getOrDefault(d, config.end());
        LocalDate endDate = e.isAfter(config.start()) ? d : d.plusDays(1);
        return ZonedDateTime.of(endDate, e, zone).toInstant();
    }

    /** Instant of the session-end check of the session starting on {@code d}. */
    public Instant closeCheck(LocalDate d) {
        return end(d).plusSeconds(config.closeGraceSeconds());
    }

    public boolean inside(Instant t) {
        Span span = lastSpan;
        if (span == null || !span.contains(t)) {
            span = spanAt(t);
            lastSpan = span;
        }
        return span.inside();
    }

    private Span spanAt(Instant t) {
        LocalDate local = LocalDate.ofInstant(t, zone);
        Instant gapStart = Instant.MIN;
        for (LocalDate d = local.minusDays(2); !d.isAfter(local); d = d.plusDays(1)) {
            if (!startsSession(d)) {
                continue;
            }
            Instant start = start(d);
            Instant end = end(d);
            if (!t.isBefore(start) && t.isBefore(end)) {
                return new Span(start, end, true);
            }
            if (!end.isAfter(t) && end.isAfter(gapStart)) {
                gapStart = end;
            }
        }
        // Outside: until the next session starts. Without a session end in the last days the gap
        // is only known to start at t.
        return new Span(gapStart == Instant.MIN ? t : gapStart, nextSessionStart(t), false);
    }

    /** The smallest {@code S(D) > t}. */
    public Instant nextSessionStart(Instant t) {
        LocalDate d = LocalDate.ofInstant(t, zone).minusDays(1);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (startsSession(d) && start(d).isAfter(t)) {
                return start(d);
            }
        }
        throw new IllegalStateException("no session starts within " + MAX_SEARCH_DAYS + " days after " + t);
    }

    /** The smallest session-end check instant {@code E(D) + grace > t}. */
    public Instant nextCloseCheck(Instant t) {
        Next cached = lastCloseCheck;
        if (cached != null && cached.covers(t)) {
            return cached.answer();
        }
        Instant answer = searchCloseCheck(t);
        lastCloseCheck = new Next(t, answer);
        return answer;
    }

    private Instant searchCloseCheck(Instant t) {
        LocalDate d = LocalDate.ofInstant(t, zone).minusDays(2);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (startsSession(d) && closeCheck(d).isAfter(t)) {
                return closeCheck(d);
            }
        }
        throw new IllegalStateException("no session ends within " + MAX_SEARCH_DAYS + " days after " + t);
    }

    /** The session whose end check is due exactly at {@code t}, if any. */
    public Optional<LocalDate> sessionCheckedAt(Instant t) {
        LocalDate local = LocalDate.ofInstant(t, zone);
        for (LocalDate d = local.minusDays(3); !d.isAfter(local); d = d.plusDays(1)) {
            if (startsSession(d) && closeCheck(d).equals(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
