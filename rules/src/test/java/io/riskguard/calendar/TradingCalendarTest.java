package io.riskguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.DailyResetConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trading days and reset instants (RULES.md §1.4, §3 examples A and B). */
class TradingCalendarTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static TradingCalendar resetAt(String time) {
        return new TradingCalendar(CHICAGO, new DailyResetConfig(true, LocalTime.parse(time)));
    }

    private static final TradingCalendar CAL = resetAt("17:00");

    private static Instant i(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    // ---- I(d) --------------------------------------------------------------------------------

    @ParameterizedTest(name = "I({0}) = {1}")
    @CsvSource({
        "2026-03-02, 2026-03-02T23:00:00Z",   // Mon 17:00 CST
        "2026-03-06, 2026-03-06T23:00:00Z",   // Fri
        "2026-03-07, 2026-03-07T23:00:00Z",   // Sat 17:00 CST
        "2026-03-08, 2026-03-08T22:00:00Z",   // Sun 17:00 CDT
        "2026-10-31, 2026-10-31T22:00:00Z",   // Sat 17:00 CDT
        "2026-11-01, 2026-11-01T23:00:00Z"})  // Sun 17:00 CST
    void theResetInstantIsTheResetTimeOnThatLocalDate(String date, String instant) {
        assertThat(CAL.resetInstant(d(date))).isEqualTo(i(instant));
    }

    @Test
    void theTradingDayStartingOnTheDstChangeIs23HoursLong() {
        assertThat(Duration.between(CAL.resetInstant(d("2026-03-07")), CAL.resetInstant(d("2026-03-08"))))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theTradingDayStartingOnTheDstEndIs25HoursLong() {
        assertThat(Duration.between(CAL.resetInstant(d("2026-10-31")), CAL.resetInstant(d("2026-11-01"))))
                .isEqualTo(Duration.ofHours(25));
    }

    // ---- td(t) -------------------------------------------------------------------------------

    @ParameterizedTest(name = "td({0}) = {1}")
    @CsvSource({
        "2026-03-02T15:00:00Z, 2026-03-02",       // Mon 09:00 CST
        "2026-03-02T06:00:00Z, 2026-03-02",       // Mon 00:00 CST
        "2026-03-02T22:59:59.999Z, 2026-03-02",   // one millisecond before the reset
        "2026-03-02T23:00:00Z, 2026-03-03",       // 17:00:00.000 exactly belongs to the new day
        "2026-03-03T00:00:00Z, 2026-03-03",       // Mon 18:00 CST belongs to Tuesday
        "2026-03-03T05:59:59Z, 2026-03-03",       // Mon 23:59:59 CST
        "2026-03-06T23:00:00Z, 2026-03-07",       // Fri reset: trading day 03-07 begins
        "2026-03-07T23:00:00Z, 2026-03-08",       // Sat reset: trading day 03-08 begins
        "2026-03-08T21:59:59Z, 2026-03-08",       // Sun 16:59:59 CDT
        "2026-03-08T22:00:00Z, 2026-03-09",       // Sun 17:00 CDT: trading day 03-09 begins
        "2026-10-31T22:00:00Z, 2026-11-01",       // Sat 17:00 CDT
        "2026-11-01T22:00:00Z, 2026-11-01",       // Sun 16:00 CST
        "2026-11-01T23:00:00Z, 2026-11-02"})      // Sun 17:00 CST
    void theTradingDayIsTheDateOfTheFirstResetStrictlyAfter(String instant, String day) {
        assertThat(CAL.tradingDay(i(instant))).isEqualTo(d(day));
    }

    // ---- nextReset(t) ------------------------------------------------------------------------

    @ParameterizedTest(name = "nextReset({0}) = {1}")
    @CsvSource({
        "2026-03-02T15:00:00Z, 2026-03-02T23:00:00Z",
        "2026-03-02T22:59:59.999Z, 2026-03-02T23:00:00Z",
        "2026-03-02T23:00:00Z, 2026-03-03T23:00:00Z",     // strictly after
        "2026-03-03T00:00:00Z, 2026-03-03T23:00:00Z",
        "2026-03-07T23:00:00Z, 2026-03-08T22:00:00Z",     // across the DST change
        "2026-10-31T22:00:00Z, 2026-11-01T23:00:00Z"})
    void theNextResetIsTheFirstResetInstantStrictlyAfter(String instant, String next) {
        assertThat(CAL.nextReset(i(instant))).isEqualTo(i(next));
    }

    // ---- a reset time in the DST gap ---------------------------------------------------------

    @Test
    void aResetTimeInTheSpringGapIsShiftedForwardByTheGap() {
        TradingCalendar cal = resetAt("02:30");

        assertThat(cal.resetInstant(d("2026-03-07"))).isEqualTo(i("2026-03-07T08:30:00Z"));   // 02:30 CST
        assertThat(cal.resetInstant(d("2026-03-08"))).isEqualTo(i("2026-03-08T08:30:00Z"));   // 03:30 CDT
        assertThat(cal.resetInstant(d("2026-03-09"))).isEqualTo(i("2026-03-09T07:30:00Z"));   // 02:30 CDT
    }

    @Test
    void aResetInTheSpringGapDividesTradingDaysAtTheShiftedInstant() {
        TradingCalendar cal = resetAt("02:30");

        assertThat(cal.tradingDay(i("2026-03-08T08:00:00Z"))).isEqualTo(d("2026-03-08"));   // 03:00 CDT
        assertThat(cal.tradingDay(i("2026-03-08T08:29:59.999Z"))).isEqualTo(d("2026-03-08"));
        assertThat(cal.tradingDay(i("2026-03-08T08:30:00Z"))).isEqualTo(d("2026-03-09"));
        assertThat(cal.nextReset(i("2026-03-08T08:00:00Z"))).isEqualTo(i("2026-03-08T08:30:00Z"));
        assertThat(cal.nextReset(i("2026-03-08T08:30:00Z"))).isEqualTo(i("2026-03-09T07:30:00Z"));
    }

    // ---- a reset time in the DST overlap -----------------------------------------------------

    @Test
    void aResetTimeInTheAutumnOverlapTakesTheEarlierOffset() {
        TradingCalendar cal = resetAt("01:30");

        assertThat(cal.resetInstant(d("2026-10-31"))).isEqualTo(i("2026-10-31T06:30:00Z"));   // 01:30 CDT
        assertThat(cal.resetInstant(d("2026-11-01"))).isEqualTo(i("2026-11-01T06:30:00Z"));   // the earlier 01:30 CDT
        assertThat(cal.resetInstant(d("2026-11-02"))).isEqualTo(i("2026-11-02T07:30:00Z"));   // 01:30 CST
    }

    @Test
    void aResetInTheAutumnOverlapHappensOnlyOnce() {
        TradingCalendar cal = resetAt("01:30");

        assertThat(cal.tradingDay(i("2026-11-01T06:29:59.999Z"))).isEqualTo(d("2026-11-01"));
        assertThat(cal.tradingDay(i("2026-11-01T06:30:00Z"))).isEqualTo(d("2026-11-02"));
        // 01:15 CST, the second pass through 01:00–02:00: after this date's reset instant.
        assertThat(cal.tradingDay(i("2026-11-01T07:15:00Z"))).isEqualTo(d("2026-11-02"));
        assertThat(cal.nextReset(i("2026-11-01T07:15:00Z"))).isEqualTo(i("2026-11-02T07:30:00Z"));
    }

    // ---- other zones and no reset ------------------------------------------------------------

    @Test
    void aMidnightResetInUtcStartsTheNextDateAtMidnight() {
        TradingCalendar cal = new TradingCalendar(ZoneId.of("UTC"), new DailyResetConfig(true, LocalTime.MIDNIGHT));

        assertThat(cal.tradingDay(i("2026-03-02T00:00:00Z"))).isEqualTo(d("2026-03-03"));
        assertThat(cal.tradingDay(i("2026-03-02T23:59:59.999Z"))).isEqualTo(d("2026-03-03"));
        assertThat(cal.nextReset(i("2026-03-02T00:00:00Z"))).isEqualTo(i("2026-03-03T00:00:00Z"));
    }

    @Test
    void withoutADailyResetTheWholeStreamIsOneTradingDay() {
        TradingCalendar cal = new TradingCalendar(CHICAGO, new DailyResetConfig(false, LocalTime.of(17, 0)));

        assertThat(cal.resetEnabled()).isFalse();
        assertThat(cal.tradingDay(i("2026-03-02T22:59:59Z")))
                .isEqualTo(cal.tradingDay(i("2026-03-02T23:00:00Z")))
                .isEqualTo(cal.tradingDay(i("2026-11-30T12:00:00Z")));
    }
}
