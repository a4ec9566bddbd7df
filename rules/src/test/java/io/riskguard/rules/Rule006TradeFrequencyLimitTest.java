package io.riskguard.rules;

import static io.riskguard.rules.RuleTestSupport.briefs;
import static io.riskguard.rules.RuleTestSupport.json;
import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULE-006 trade_frequency_limit (RULES.md §2 RULE-006, §5.6). */
class Rule006TradeFrequencyLimitTest {

    private static final long ACCOUNT = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";

    /** The CONTRACT.md §3 values (entries; 3/min, 10/h, 50/day; 60s, 30m, until_reset; no flatten). */
    private static final String DEFAULTS = rule("count: entries, per_minute: 3, per_hour: 10, per_session: 50,"
            + " cooldown: { per_minute: 60s, per_hour: 30m, per_session: until_reset }, flatten_on_breach: false");

    private static String rule(String body) {
        return "trade_frequency_limit: { " + body + " }";
    }

    private static RuleScript script(String... rules) {
        return RuleScript.withRules(rules);
    }

    /** Opening fills (pnl null) of distinct orders {@code firstOrder, firstOrder + 1, ...}, one per time. */
    private static RuleScript entries(RuleScript s, long firstTrade, long firstOrder, String... times) {
        for (int i = 0; i < times.length; i++) {
            s.at(times[i]).trade(ACCOUNT, firstTrade + i, firstOrder + i, null);
        }
        return s;
    }

    // ---- RULES.md §5.6 ----------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = script(DEFAULTS);
        s.at("14:59:00").order(ACCOUNT, 611, "MNQ.H26", 1, BUY, null);
        s.at("15:00:00").trade(ACCOUNT, 7001, 601, null);
        s.at("15:00:20").trade(ACCOUNT, 7002, 602, null);
        s.at("15:00:40").trade(ACCOUNT, 7003, 603, null);
        s.at("15:00:50").trade(ACCOUNT, 7004, 604, null);
        s.at("15:00:51").order(ACCOUNT, 611, "MNQ.H26", 3, 1, BUY, null);
        s.at("15:00:55").trade(ACCOUNT, 7005, 604, null);
        s.at("15:01:10").trade(ACCOUNT, 7006, 605, null);
        s.at("15:03:00").clock();

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-006:LOCK:trade:7004:2026-03-02T15:00:50Z:0\",\"ts\":\"2026-03-02T15:00:50Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-006\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:01:50Z\","
                        + "\"reason\":\"4 entries in the last 60 s exceed the limit 3\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:50Z:1\",\"ts\":\"2026-03-02T15:00:50Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-006\",\"kind\":\"CANCEL_ORDER\",\"orderId\":611,"
                        + "\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"reason\":\"4 entries in the last 60 s exceed the limit 3\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-006:LOCK:trade:7006:2026-03-02T15:01:10Z:0\",\"ts\":\"2026-03-02T15:01:10Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-006\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:02:10Z\","
                        + "\"reason\":\"4 entries in the last 60 s exceed the limit 3\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-006:UNLOCK:timer:2026-03-02T15:02:10Z:0\",\"ts\":\"2026-03-02T15:02:10Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-006\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-006 ended at 2026-03-02T15:02:10Z\",\"configVersion\":7}");
    }

    // ---- the minute window ------------------------------------------------------------------

    @Test
    void threeEntriesInAMinuteStayWithinTheLimit() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void locksForTheMinuteCooldownWhenAFourthEntryArrivesWithinSixtySeconds() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");

        List<Action> actions = s.run();

        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 entries in the last 60 s exceed the limit 3");
        assertThat(actions.get(0).id()).isEqualTo("2002:RULE-006:LOCK:trade:7004:2026-03-02T15:00:30Z:0");
    }

    @Test
    void countsAFillExactlySixtySecondsEarlierInTheMinuteWindow() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:20", "15:00:40", "15:01:00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:01:00Z RULE-006 LOCK until=2026-03-02T15:02:00Z | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void dropsAFillMoreThanSixtySecondsEarlierFromTheMinuteWindow() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:20", "15:00:40", "15:01:00.001");

        assertThat(s.run()).isEmpty();
    }

    // ---- the hour window --------------------------------------------------------------------

    private static final String HOUR_OF_4 = rule("per_minute: 3, per_hour: 4, per_session: 50");

    @Test
    void countsAFillExactlyOneHourEarlierInTheHourWindow() {
        RuleScript s = entries(script(HOUR_OF_4), 7001, 601, "15:00:00", "15:10:00", "15:20:00", "15:30:00", "16:00:00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T16:00:00Z RULE-006 LOCK until=2026-03-02T16:30:00Z | 5 entries in the last 3600 s exceed the limit 4");
    }

    @Test
    void dropsAFillMoreThanOneHourEarlierFromTheHourWindow() {
        RuleScript s = entries(script(HOUR_OF_4), 7001, 601,
                "15:00:00", "15:10:00", "15:20:00", "15:30:00", "16:00:00.001");

        assertThat(s.run()).isEmpty();
    }

    // ---- the trading-day window -------------------------------------------------------------

    private static final String DAY_OF_3 = rule("per_minute: 1, per_hour: 2, per_session: 3");

    @Test
    void locksUntilTheNextResetWhenTheTradingDayLimitIsExceeded() {
        RuleScript s = entries(script(DAY_OF_3), 7001, 601, "14:00:00", "15:10:00", "16:20:00", "17:30:00");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T17:30:00Z RULE-006 LOCK until=2026-03-02T23:00:00Z"
                + " | 4 entries in the trading day 2026-03-02 exceed the limit 3");
    }

    @Test
    void aFillJustBeforeTheResetStillCountsInTheEndingTradingDay() {
        RuleScript s = entries(script(DAY_OF_3), 7001, 601, "19:00:00", "20:30:00", "22:00:00", "22:59:59.999");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T22:59:59.999Z RULE-006 LOCK until=2026-03-02T23:00:00Z"
                + " | 4 entries in the trading day 2026-03-02 exceed the limit 3");
    }

    @Test
    void theTradingDayWindowIsCutByTheReset() {
        // 23:00:00Z (17:00 CST) exactly belongs to trading day 2026-03-03, whose window holds one entry.
        RuleScript s = entries(script(DAY_OF_3), 7001, 601, "19:00:00", "20:30:00", "22:00:00", "23:00:00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void theRollingWindowsAreNotCutByTheReset() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "22:59:30", "22:59:40", "22:59:50", "23:00:00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T23:00:00Z RULE-006 LOCK until=2026-03-02T23:01:00Z | 4 entries in the last 60 s exceed the limit 3");
    }

    // ---- units: what adds --------------------------------------------------------------------

    @Test
    void aSecondPartialFillOfACountedOrderAddsNothing() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20");
        s.at("15:00:30").trade(ACCOUNT, 7004, 603, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aTradeThatDoesNotAddNeverBreachesEvenAboveTheLimit() {
        // The minute window already holds 4 orders; another fill of order 604 would propose a later
        // until (15:01:40Z > 15:01:30Z) if it breached, but it adds nothing.
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");
        s.at("15:00:40").trade(ACCOUNT, 7005, 604, null);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void anOrderWhoseEarlierFillLeftTheMinuteWindowAddsToItAgain() {
        RuleScript s = script(DEFAULTS);
        s.at("15:00:00").trade(ACCOUNT, 7001, 601, null);
        entries(s, 7002, 602, "15:01:05", "15:01:06", "15:01:07");
        s.at("15:01:10").trade(ACCOUNT, 7005, 601, null);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:01:10Z RULE-006 LOCK until=2026-03-02T15:02:10Z | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void inEntriesModeClosingFillsAreNotCounted() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20");
        s.at("15:00:30").trade(ACCOUNT, 7004, 604, "-10.00");
        s.at("15:00:40").trade(ACCOUNT, 7005, 605, "25.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void inOrdersModeEveryFillCountsByItsOrder() {
        RuleScript s = script(rule("count: orders"));
        s.at("15:00:00").trade(ACCOUNT, 7001, 601, "-10.00");
        s.at("15:00:10").trade(ACCOUNT, 7002, 602, null);
        s.at("15:00:20").trade(ACCOUNT, 7003, 603, "5.00");
        s.at("15:00:25").trade(ACCOUNT, 7004, 603, "5.00");
        s.at("15:00:30").trade(ACCOUNT, 7005, 604, "-2.50");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 orders in the last 60 s exceed the limit 3");
    }

    @Test
    void inExecutionsModeEveryFillCounts() {
        RuleScript s = script(rule("count: executions"));
        s.at("15:00:00").trade(ACCOUNT, 7001, 601, null);
        s.at("15:00:10").trade(ACCOUNT, 7002, 601, null);
        s.at("15:00:20").trade(ACCOUNT, 7003, 601, "-10.00");
        s.at("15:00:30").trade(ACCOUNT, 7004, 601, "-10.00");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z"
                + " | 4 executions in the last 60 s exceed the limit 3");
    }

    @Test
    void aDuplicateTradeAddsNothing() {
        RuleScript s = script(rule("count: executions"));
        s.at("15:00:00").trade(ACCOUNT, 7001, 601, null);
        s.at("15:00:10").trade(ACCOUNT, 7002, 602, null);
        s.at("15:00:20").trade(ACCOUNT, 7003, 603, null);
        s.at("15:00:25").trade(ACCOUNT, 7003, 603, null);
        s.at("15:00:30").trade(ACCOUNT, 7004, 604, null);

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z"
                + " | 4 executions in the last 60 s exceed the limit 3");
    }

    @Test
    void aVoidedFillLeavesTheWindows() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20");
        s.at("15:00:25").trade(ACCOUNT, 7003, 603, null, "0", true);
        s.at("15:00:30").trade(ACCOUNT, 7004, 604, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aTradeFirstSeenVoidedIsNeverCounted() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10");
        s.at("15:00:20").trade(ACCOUNT, 7003, 603, null, "0", true);
        s.at("15:00:30").trade(ACCOUNT, 7004, 604, null);

        assertThat(s.run()).isEmpty();
    }

    // ---- which cooldown applies --------------------------------------------------------------

    @Test
    void appliesTheLongestCooldownAmongTheBreachedWindows() {
        RuleScript s = script(rule("per_minute: 3, per_hour: 3, per_session: 50"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:30:03Z"
                + " | 4 entries in the last 3600 s exceed the limit 3");
    }

    @Test
    void aLongerMinuteCooldownWinsOverAShorterHourCooldown() {
        RuleScript s = script(rule("per_minute: 3, per_hour: 3, per_session: 50,"
                + " cooldown: { per_minute: 2h, per_hour: 30m, per_session: until_reset }"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T17:00:03Z"
                + " | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void equalCooldownsNameTheLongerWindow() {
        RuleScript s = script(rule("per_minute: 3, per_hour: 3, per_session: 50,"
                + " cooldown: { per_minute: 30m, per_hour: 30m, per_session: until_reset }"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:30:03Z"
                + " | 4 entries in the last 3600 s exceed the limit 3");
    }

    @Test
    void untilResetIsTheLongestCooldownEvenWhenAFixedOneWouldEndLater() {
        // 24h from 15:00:03Z would end 2026-03-03T15:00:03Z, after the reset; until_reset still wins.
        RuleScript s = script(rule("per_minute: 3, per_hour: 3, per_session: 3,"
                + " cooldown: { per_minute: 60s, per_hour: 24h, per_session: until_reset }"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T23:00:00Z"
                + " | 4 entries in the trading day 2026-03-02 exceed the limit 3");
    }

    @Test
    void equalUntilResetCooldownsNameTheTradingDay() {
        RuleScript s = script(rule("per_minute: 3, per_hour: 3, per_session: 3,"
                + " cooldown: { per_minute: 60s, per_hour: until_reset, per_session: until_reset }"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03");

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T23:00:00Z"
                + " | 4 entries in the trading day 2026-03-02 exceed the limit 3");
    }

    @Test
    void anUntilResetMinuteCooldownLocksUntilTheNextReset() {
        RuleScript s = script(rule("cooldown: { per_minute: until_reset, per_hour: until_reset, per_session: until_reset }"));
        entries(s, 7001, 601, "23:10:00", "23:10:01", "23:10:02", "23:10:03");

        // 23:10Z Monday is 17:10 CST: trading day 2026-03-03, whose reset is 2026-03-03T23:00:00Z.
        assertThat(briefs(s.run())).containsExactly("2026-03-02T23:10:03Z RULE-006 LOCK until=2026-03-03T23:00:00Z"
                + " | 4 entries in the last 60 s exceed the limit 3");
    }

    // ---- extension ---------------------------------------------------------------------------

    @Test
    void extendsTheLockAndCancelsAgainWhenALaterBreachProposesALaterUntil() {
        RuleScript s = script(DEFAULTS);
        s.at("14:59:00").order(ACCOUNT, 611, "MNQ.H26", 1, BUY, null);
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03", "15:00:30");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:01:03Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:03Z RULE-006 CANCEL_ORDER 611 " + MNQ + " | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 5 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 611 " + MNQ + " | 5 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void emitsNothingWhenTheProposalEqualsTheActiveUntil() {
        RuleScript s = script(DEFAULTS);
        s.at("14:59:00").order(ACCOUNT, 611, "MNQ.H26", 1, BUY, null);
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03", "15:00:03");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:01:03Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:03Z RULE-006 CANCEL_ORDER 611 " + MNQ + " | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void emitsNothingWhenTheProposalIsEarlierThanTheActiveUntil() {
        RuleScript s = script(rule("per_minute: 3, per_hour: 5, per_session: 50"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03", "15:00:04", "15:00:05");
        // Second fills of orders 601..604: they add to the minute window (4 > 3, proposing 15:06:03Z)
        // but not to the hour window; the active until 15:30:05Z is later.
        entries(s, 7101, 601, "15:05:00", "15:05:01", "15:05:02", "15:05:03");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:01:03Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:04Z RULE-006 LOCK until=2026-03-02T15:01:04Z | 5 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:05Z RULE-006 LOCK until=2026-03-02T15:30:05Z | 6 entries in the last 3600 s exceed the limit 5");
    }

    // ---- enforcement -------------------------------------------------------------------------

    @Test
    void cancelsEveryWorkingOrderInAscendingIdExceptQualifyingStopsOfOpenPositions() {
        RuleScript s = script(DEFAULTS);
        s.at("14:50:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("14:51:00").order(ACCOUNT, 940, "MNQ.H26", 6, 1, BUY, null);       // pending limit: cancelled
        s.order(ACCOUNT, 930, "MNQ.H26", 1, BUY, null);                         // limit: cancelled
        s.order(ACCOUNT, 925, "EP.H26", 4, SELL, "5990.00");                     // stop of no position: cancelled
        s.order(ACCOUNT, 922, "MNQ.H26", 3, SELL, "20990.00");                   // stop-limit protecting the long
        s.order(ACCOUNT, 921, "MNQ.H26", 4, SELL, null);                         // stop without stopPrice: cancelled
        s.order(ACCOUNT, 920, "MNQ.H26", 4, SELL, "20990.00");                   // stop protecting the long
        s.order(ACCOUNT, 915, "MNQ.H26", 5, SELL, null);                         // trailing stop protecting the long
        s.order(ACCOUNT, 910, "MNQ.H26", 5, BUY, null);                          // trailing stop on the wrong side
        s.order(ACCOUNT, 950, "MNQ.H26", 0, 1, BUY, null);                       // status 0: not working
        entries(s, 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");

        List<Action> actions = s.run();

        String reason = " | 4 entries in the last 60 s exceed the limit 3";
        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z" + reason,
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 910 " + MNQ + reason,
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 921 " + MNQ + reason,
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 925 CON.F.US.EP.H26" + reason,
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 930 " + MNQ + reason,
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 940 " + MNQ + reason);
        assertThat(actions).extracting(Action::id).containsExactly(
                "2002:RULE-006:LOCK:trade:7004:2026-03-02T15:00:30Z:0",
                "2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:30Z:1",
                "2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:30Z:2",
                "2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:30Z:3",
                "2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:30Z:4",
                "2002:RULE-006:CANCEL_ORDER:trade:7004:2026-03-02T15:00:30Z:5");
    }

    @Test
    void aStopIsCancelledOnceItsPositionHasClosed() {
        RuleScript s = script(DEFAULTS);
        s.at("14:50:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("14:51:00").order(ACCOUNT, 920, "MNQ.H26", 4, SELL, "20990.00");
        s.at("14:52:00").closePosition(ACCOUNT, "MNQ.H26");
        entries(s, 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:30Z RULE-006 CANCEL_ORDER 920 " + MNQ + " | 4 entries in the last 60 s exceed the limit 3");
    }

    @Test
    void flattensInsteadOfCancellingWhenFlattenOnBreachIsTrue() {
        RuleScript s = script(rule("flatten_on_breach: true"));
        s.at("14:51:00").order(ACCOUNT, 930, "MNQ.H26", 1, BUY, null);
        entries(s, 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");

        List<Action> actions = s.run();

        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:30Z RULE-006 FLATTEN | 4 entries in the last 60 s exceed the limit 3");
        assertThat(actions.get(1).id()).isEqualTo("2002:RULE-006:FLATTEN:trade:7004:2026-03-02T15:00:30Z:1");
    }

    @Test
    void theLockEndsWithAnUnlockAtItsUntil() {
        RuleScript s = entries(script(DEFAULTS), 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");
        s.at("15:05:00").clock();

        List<Action> actions = s.run();

        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:30Z RULE-006 LOCK until=2026-03-02T15:01:30Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:01:30Z RULE-006 UNLOCK | lock of RULE-006 ended at 2026-03-02T15:01:30Z");
        assertThat(actions.get(1).id()).isEqualTo("2002:RULE-006:UNLOCK:timer:2026-03-02T15:01:30Z:0");
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = script(rule("enabled: false"));
        entries(s, 7001, 601, "15:00:00", "15:00:01", "15:00:02", "15:00:03", "15:00:04");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void appliesAnAccountOverride() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + DEFAULTS + "\n"
                + "accounts:\n  \"1001\": { rules: { trade_frequency_limit: { per_minute: 5 } } }\n");
        for (int i = 0; i < 6; i++) {
            s.at("15:00:0" + i).trade(1001, 7001 + i, 601 + i, null);
            if (i < 4) {
                s.trade(ACCOUNT, 7101 + i, 701 + i, null);
            }
        }

        List<Action> actions = s.run();

        assertThat(actions).extracting(Action::accountId).containsExactly(2002L, 1001L);
        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:03Z RULE-006 LOCK until=2026-03-02T15:01:03Z | 4 entries in the last 60 s exceed the limit 3",
                "2026-03-02T15:00:05Z RULE-006 LOCK until=2026-03-02T15:01:05Z | 6 entries in the last 60 s exceed the limit 5");
    }

    @Test
    void namesTheWholeStreamWhenTheDailyResetIsDisabled() {
        String yaml = RuleScript.BASE.replace("daily_reset: { enabled: true, time: \"17:00\" }",
                "daily_reset: { enabled: false, time: \"17:00\" }")
                + "rules:\n  " + rule("per_minute: 1, per_hour: 1, per_session: 3,"
                + " cooldown: { per_minute: 60s, per_hour: 30m, per_session: 2h }") + "\n";
        RuleScript s = RuleScript.withConfig(yaml);
        entries(s, 7001, 601, "2026-03-02T15:00:00Z", "2026-03-03T15:00:00Z", "2026-03-04T15:00:00Z",
                "2026-03-05T15:00:00Z");

        assertThat(briefs(s.run())).containsExactly("2026-03-05T15:00:00Z RULE-006 LOCK until=2026-03-05T17:00:00Z"
                + " | 4 entries in the whole stream exceed the limit 3");
    }

    @Test
    void theLockAndItsCancellationsCarryTheFrequencyCauseAndItsExpiryTheExpiredCause() {
        RuleScript s = script(DEFAULTS);
        s.at("14:59:00").order(ACCOUNT, 611, "MNQ.H26", 1, BUY, null);
        entries(s, 7001, 601, "15:00:00", "15:00:10", "15:00:20", "15:00:30");
        s.at("15:03:00").clock();

        assertThat(s.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.LOCK, DecisionCause.TRADE_FREQUENCY_EXCEEDED),
                tuple(ActionKind.CANCEL_ORDER, DecisionCause.TRADE_FREQUENCY_EXCEEDED),
                tuple(ActionKind.UNLOCK, DecisionCause.LOCK_EXPIRED));
    }
}
