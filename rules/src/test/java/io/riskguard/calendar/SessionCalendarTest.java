package io.riskguard.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.SessionConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The session calendar (RULES.md §3): the CONTRACT.md §3 session 08:30–15:00 America/Chicago,
 * MON–FRI, holidays 2026-11-26 and 2026-12-25, early close 2026-11-27 12:00, grace 60 s.
 */
class SessionCalendarTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static final SessionCalendar CAL = new SessionCalendar(new SessionConfig(true,
            LocalTime.of(8, 30), LocalTime.of(15, 0), Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
            Set.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-25")),
            Map.of(LocalDate.parse("2026-11-27"), LocalTime.of(12, 0)), 60), CHICAGO);

    /** {@code start: "17:00"}, {@code end: "16:00"}, SUN–THU. */
    private static final SessionCalendar OVERNIGHT = new SessionCalendar(new SessionConfig(true,
            LocalTime.of(17, 0), LocalTime.of(16, 0), Set.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY),
            Set.of(), Map.of(), 60), CHICAGO);

    private static Instant i(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    // ---- Example A: March 2026 ---------------------------------------------------------------

    @Test
    void exampleAFridaySessionStartEndAndCheck() {
        assertThat(CAL.start(d("2026-03-06"))).isEqualTo(i("2026-03-06T14:30:00Z"));
        assertThat(CAL.end(d("2026-03-06"))).isEqualTo(i("2026-03-06T21:00:00Z"));
        assertThat(CAL.closeCheck(d("2026-03-06"))).isEqualTo(i("2026-03-06T21:01:00Z"));
    }

    @Test
    void exampleAFridayEveningIsOutsideAndTheNextStartIsMondayCdt() {
        assertThat(CAL.inside(i("2026-03-06T21:30:00Z"))).isFalse();
        assertThat(CAL.nextSessionStart(i("2026-03-06T21:30:00Z"))).isEqualTo(i("2026-03-09T13:30:00Z"));
    }

    @Test
    void exampleANoSessionStartsOnTheWeekend() {
        assertThat(CAL.startsSession(d("2026-03-07"))).isFalse();
        assertThat(CAL.startsSession(d("2026-03-08"))).isFalse();
        assertThat(CAL.inside(i("2026-03-07T16:00:00Z"))).isFalse();
        assertThat(CAL.inside(i("2026-03-08T16:00:00Z"))).isFalse();
        assertThat(CAL.nextSessionStart(i("2026-03-07T16:00:00Z"))).isEqualTo(i("2026-03-09T13:30:00Z"));
    }

    @Test
    void exampleAMondayAfterTheDstChangeIsOneHourEarlierInUtc() {
        assertThat(CAL.startsSession(d("2026-03-09"))).isTrue();
        assertThat(CAL.start(d("2026-03-09"))).isEqualTo(i("2026-03-09T13:30:00Z"));
        assertThat(CAL.end(d("2026-03-09"))).isEqualTo(i("2026-03-09T20:00:00Z"));
        assertThat(CAL.closeCheck(d("2026-03-09"))).isEqualTo(i("2026-03-09T20:01:00Z"));
    }

    @ParameterizedTest(name = "inside({0}) = {1}")
    @CsvSource({
        "2026-03-06T14:29:59.999Z, false",
        "2026-03-06T14:30:00Z, true",       // start inclusive
        "2026-03-06T20:59:59.999Z, true",
        "2026-03-06T21:00:00Z, false",      // end exclusive
        "2026-03-06T21:00:30Z, false",      // grace is outside
        "2026-03-09T13:29:59.999Z, false",
        "2026-03-09T13:30:00Z, true",
        "2026-03-09T19:59:59.999Z, true",
        "2026-03-09T20:00:00Z, false"})
    void theSessionIsHalfOpen(String instant, boolean inside) {
        assertThat(CAL.inside(i(instant))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "nextSessionStart({0}) = {1}")
    @CsvSource({
        "2026-03-02T14:29:59.999Z, 2026-03-02T14:30:00Z",
        "2026-03-02T14:30:00Z, 2026-03-03T14:30:00Z",      // strictly after: not the start itself
        "2026-03-02T21:01:00Z, 2026-03-03T14:30:00Z",
        "2026-03-03T01:00:00Z, 2026-03-03T14:30:00Z",      // Mon 19:00 CST
        "2026-03-06T14:30:00Z, 2026-03-09T13:30:00Z"})
    void theNextSessionStartIsTheFirstStartStrictlyAfter(String instant, String next) {
        assertThat(CAL.nextSessionStart(i(instant))).isEqualTo(i(next));
    }

    // ---- Example B: November 2026 ------------------------------------------------------------

    @Test
    void exampleBFridayEndBeforeTheDstEnd() {
        assertThat(CAL.end(d("2026-10-30"))).isEqualTo(i("2026-10-30T20:00:00Z"));
    }

    @Test
    void exampleBMondayAfterTheDstEndIsOneHourLaterInUtc() {
        assertThat(CAL.start(d("2026-11-02"))).isEqualTo(i("2026-11-02T14:30:00Z"));
        assertThat(CAL.nextSessionStart(i("2026-10-30T20:00:00Z"))).isEqualTo(i("2026-11-02T14:30:00Z"));
    }

    @Test
    void exampleBAHolidayStartsNoSession() {
        assertThat(CAL.startsSession(d("2026-11-26"))).isFalse();
        assertThat(CAL.inside(i("2026-11-26T16:00:00Z"))).isFalse();
        assertThat(CAL.nextSessionStart(i("2026-11-26T16:00:00Z"))).isEqualTo(i("2026-11-27T14:30:00Z"));
        assertThat(CAL.startsSession(d("2026-12-25"))).isFalse();
        assertThat(CAL.nextSessionStart(i("2026-12-24T22:00:00Z"))).isEqualTo(i("2026-12-28T14:30:00Z"));
    }

    @Test
    void exampleBTheEarlyCloseEndsTheSessionAtNoon() {
        assertThat(CAL.start(d("2026-11-27"))).isEqualTo(i("2026-11-27T14:30:00Z"));
        assertThat(CAL.end(d("2026-11-27"))).isEqualTo(i("2026-11-27T18:00:00Z"));
        assertThat(CAL.closeCheck(d("2026-11-27"))).isEqualTo(i("2026-11-27T18:01:00Z"));
        assertThat(CAL.inside(i("2026-11-27T17:59:59.999Z"))).isTrue();
        assertThat(CAL.inside(i("2026-11-27T18:00:00Z"))).isFalse();
        assertThat(CAL.inside(i("2026-11-27T20:00:00Z"))).isFalse();   // 14:00, regular hours but closed
    }

    @Test
    void exampleBAfterTheEarlyCloseCheckTheNextStartIsMonday() {
        assertThat(CAL.nextSessionStart(i("2026-11-27T18:01:00Z"))).isEqualTo(i("2026-11-30T14:30:00Z"));
    }

    // ---- session-end check instants ----------------------------------------------------------

    @ParameterizedTest(name = "nextCloseCheck({0}) = {1}")
    @CsvSource({
        "2026-03-02T15:00:00Z, 2026-03-02T21:01:00Z",
        "2026-03-02T21:00:59.999Z, 2026-03-02T21:01:00Z",
        "2026-03-02T21:01:00Z, 2026-03-03T21:01:00Z",      // strictly after
        "2026-03-06T21:01:00Z, 2026-03-09T20:01:00Z",      // over the weekend and the DST change
        "2026-11-25T22:00:00Z, 2026-11-27T18:01:00Z"})     // holiday skipped, early close
    void theNextCloseCheckIsTheFirstEndPlusGraceStrictlyAfter(String instant, String next) {
        assertThat(CAL.nextCloseCheck(i(instant))).isEqualTo(i(next));
    }

    @Test
    void aCloseCheckInstantNamesItsSession() {
        assertThat(CAL.sessionCheckedAt(i("2026-03-06T21:01:00Z"))).contains(d("2026-03-06"));
        assertThat(CAL.sessionCheckedAt(i("2026-11-27T18:01:00Z"))).contains(d("2026-11-27"));
        assertThat(CAL.sessionCheckedAt(i("2026-03-06T21:00:00Z"))).isEmpty();
        assertThat(CAL.sessionCheckedAt(i("2026-11-27T21:01:00Z"))).isEmpty();   // no regular check on an early close
        assertThat(CAL.sessionCheckedAt(i("2026-11-26T21:01:00Z"))).isEmpty();   // holiday
    }

    @Test
    void theGraceIsAddedToTheEndAsAnAbsoluteInstant() {
        SessionCalendar noGrace = new SessionCalendar(new SessionConfig(true, LocalTime.of(8, 30), LocalTime.of(15, 0),
                Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), Set.of(), Map.of(), 0), CHICAGO);
        SessionCalendar hour = new SessionCalendar(new SessionConfig(true, LocalTime.of(8, 30), LocalTime.of(15, 0),
                Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), Set.of(), Map.of(), 3600), CHICAGO);

        assertThat(noGrace.closeCheck(d("2026-03-02"))).isEqualTo(i("2026-03-02T21:00:00Z"));
        assertThat(hour.closeCheck(d("2026-03-02"))).isEqualTo(i("2026-03-02T22:00:00Z"));
    }

    // ---- the overnight session ---------------------------------------------------------------

    @Test
    void theOvernightSessionStartingOnTheDstSundayRunsIntoMonday() {
        assertThat(OVERNIGHT.start(d("2026-03-08"))).isEqualTo(i("2026-03-08T22:00:00Z"));
        assertThat(OVERNIGHT.end(d("2026-03-08"))).isEqualTo(i("2026-03-09T21:00:00Z"));
    }

    @Test
    void theOvernightSessionStartingOnTheDstEndSundayRunsIntoMonday() {
        assertThat(OVERNIGHT.start(d("2026-11-01"))).isEqualTo(i("2026-11-01T23:00:00Z"));
        assertThat(OVERNIGHT.end(d("2026-11-01"))).isEqualTo(i("2026-11-02T22:00:00Z"));
    }

    @ParameterizedTest(name = "overnight inside({0}) = {1}")
    @CsvSource({
        "2026-03-08T21:59:59.999Z, false",
        "2026-03-08T22:00:00Z, true",       // Sun 17:00 CDT
        "2026-03-09T05:00:00Z, true",       // across midnight
        "2026-03-09T20:59:59.999Z, true",
        "2026-03-09T21:00:00Z, false",      // Mon 16:00 CDT
        "2026-03-09T21:30:00Z, false",      // the daily break
        "2026-03-09T22:00:00Z, true",       // Monday's session starts
        "2026-03-13T21:00:00Z, false",      // Fri 16:00: Thursday's session is over
        "2026-03-14T16:00:00Z, false",      // Saturday
        "2026-03-15T22:00:00Z, true"})      // Sunday 17:00 CDT
    void theOvernightSessionIsHalfOpenAcrossMidnight(String instant, boolean inside) {
        assertThat(OVERNIGHT.inside(i(instant))).isEqualTo(inside);
    }

    @Test
    void afterThursdaysOvernightSessionTheNextStartIsSunday() {
        assertThat(OVERNIGHT.nextSessionStart(i("2026-03-13T21:00:00Z"))).isEqualTo(i("2026-03-15T22:00:00Z"));
        assertThat(OVERNIGHT.nextCloseCheck(i("2026-03-13T21:01:00Z"))).isEqualTo(i("2026-03-16T21:01:00Z"));
    }

    @Test
    void aSessionStartInTheSpringGapIsShiftedForward() {
        SessionCalendar early = new SessionCalendar(new SessionConfig(true, LocalTime.of(2, 30), LocalTime.of(10, 0),
                Set.of(SUNDAY), Set.of(), Map.of(), 60), CHICAGO);

        assertThat(early.start(d("2026-03-08"))).isEqualTo(i("2026-03-08T08:30:00Z"));   // 03:30 CDT
        assertThat(early.end(d("2026-03-08"))).isEqualTo(i("2026-03-08T15:00:00Z"));     // 10:00 CDT
    }
}
