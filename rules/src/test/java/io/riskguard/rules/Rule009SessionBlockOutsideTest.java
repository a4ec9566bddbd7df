package io.riskguard.rules;

import static io.riskguard.rules.RuleTestSupport.briefs;
import static io.riskguard.rules.RuleTestSupport.json;
import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULE-009 session_block_outside (RULES.md §2 RULE-009, §3, §5.9). Session 08:30–15:00
 * America/Chicago MON–FRI, grace 60 s; on 2026-03-02 (CST) the session is [14:30Z, 21:00Z) and the
 * session-end check runs at 21:01:00Z.
 */
class Rule009SessionBlockOutsideTest {

    private static final long ACCOUNT = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String RULE = "session_block_outside: { enabled: true }";
    private static final String OUTSIDE = " America/Chicago is outside the trading session";

    private static RuleScript script() {
        return RuleScript.withRules(RULE);
    }

    private static String checkReason(int positions, int orders, String localEnd) {
        return positions + " open positions and " + orders + " working orders 60 s after the session ended at "
                + localEnd + " America/Chicago";
    }

    // ---- RULES.md §5.9 ----------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = script();
        s.at("2026-03-02T20:30:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:01:00Z").clock();
        s.at("2026-03-02T21:01:02Z").closePosition(ACCOUNT, "MNQ.H26");
        s.at("2026-03-03T01:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21010.00");
        s.at("2026-03-03T01:00:01Z").closePosition(ACCOUNT, "MNQ.H26");
        s.at("2026-03-03T14:30:00Z").clock();
        s.at("2026-03-07T16:00:00Z").order(ACCOUNT, 960, "MNQ.H26", 1, BUY, null);

        String check = checkReason(1, 0, "2026-03-02 15:00:00");
        String order = "new order 960 at 2026-03-07 10:00:00" + OUTSIDE;
        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-009:LOCK:timer:2026-03-02T21:01:00Z:0\",\"ts\":\"2026-03-02T21:01:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-03T14:30:00Z\",\"reason\":\"" + check + "\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-009:FLATTEN:timer:2026-03-02T21:01:00Z:1\",\"ts\":\"2026-03-02T21:01:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"" + check + "\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-009:CLOSE_POSITION:position:1:2026-03-03T01:00:00Z:0\",\"ts\":\"2026-03-03T01:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"CLOSE_POSITION\","
                        + "\"contractId\":\"CON.F.US.MNQ.H26\",\"reason\":\"account locked by RULE-009 until"
                        + " 2026-03-03T14:30:00Z: position CON.F.US.MNQ.H26 opened\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-009:UNLOCK:timer:2026-03-03T14:30:00Z:0\",\"ts\":\"2026-03-03T14:30:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-009 ended at 2026-03-03T14:30:00Z\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-009:LOCK:order:960:2026-03-07T16:00:00Z:0\",\"ts\":\"2026-03-07T16:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-09T13:30:00Z\",\"reason\":\"" + order + "\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-009:FLATTEN:order:960:2026-03-07T16:00:00Z:1\",\"ts\":\"2026-03-07T16:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-009\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"" + order + "\",\"configVersion\":7}");
    }

    // ---- event triggers ----------------------------------------------------------------------

    @Test
    void aPositionOpenedOutsideLocksUntilTheNextSessionStartAndFlattens() {
        RuleScript s = script();
        s.at("2026-03-02T22:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        List<Action> actions = s.run();

        String reason = " | position " + MNQ + " opened at 2026-03-02 16:00:00" + OUTSIDE;
        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T22:00:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T22:00:00Z RULE-009 FLATTEN" + reason);
        assertThat(actions).extracting(Action::id).containsExactly(
                "2002:RULE-009:LOCK:position:1:2026-03-02T22:00:00Z:0",
                "2002:RULE-009:FLATTEN:position:1:2026-03-02T22:00:00Z:1");
    }

    @Test
    void oneMillisecondBeforeTheSessionStartIsOutside() {
        RuleScript s = script();
        s.at("2026-03-02T14:29:59.999Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T14:29:59.999Z RULE-009 LOCK until=2026-03-02T14:30:00Z | position " + MNQ
                        + " opened at 2026-03-02 08:29:59" + OUTSIDE);
    }

    @Test
    void theSessionStartIsInside() {
        RuleScript s = script();
        s.at("2026-03-02T14:30:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.order(ACCOUNT, 970, "MNQ.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void nothingHappensInsideTheSession() {
        RuleScript s = script();
        s.at("2026-03-02T15:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T16:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");
        s.at("2026-03-02T17:00:00Z").position(ACCOUNT, "MNQ.H26", SHORT, 1, "21000.00");
        s.at("2026-03-02T20:59:59.999Z").order(ACCOUNT, 970, "MNQ.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void theSessionEndIsExclusive() {
        RuleScript s = script();
        s.at("2026-03-02T21:00:00Z").order(ACCOUNT, 970, "MNQ.H26", 1, BUY, null);

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T21:00:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z | new order 970 at 2026-03-02 15:00:00"
                        + OUTSIDE);
    }

    @Test
    void anIncreaseDuringTheGraceAfterTheSessionEndTriggers() {
        RuleScript s = script();
        s.at("2026-03-02T20:59:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:00:30Z").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");
        s.at("2026-03-02T21:05:00Z").clock();   // the 21:01 check proposes the same until: nothing

        String reason = " | position " + MNQ + " increased to 2 at 2026-03-02 15:00:30" + OUTSIDE;
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:00:30Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T21:00:30Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void aFlipDuringTheGraceTriggersAsAnOpen() {
        RuleScript s = script();
        s.at("2026-03-02T20:59:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:00:10Z").position(ACCOUNT, "MNQ.H26", SHORT, 1, "21000.00");

        String reason = " | position " + MNQ + " opened at 2026-03-02 15:00:10" + OUTSIDE;
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:00:10Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T21:00:10Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void aNewExitOrderDuringTheGraceTriggers() {
        RuleScript s = script();
        s.at("2026-03-02T20:59:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:00:20Z").order(ACCOUNT, 970, "MNQ.H26", 1, SELL, null);

        String reason = " | new order 970 at 2026-03-02 15:00:20" + OUTSIDE;
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:00:20Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T21:00:20Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void aPendingNewOrderOutsideTriggers() {
        RuleScript s = script();
        s.at("2026-03-02T22:00:00Z").order(ACCOUNT, 970, "MNQ.H26", 6, 1, BUY, null);

        assertThat(s.run()).extracting(Action::kind).containsExactly(
                ActionKind.LOCK, ActionKind.FLATTEN);
    }

    @Test
    void reductionsAndClosesDuringTheGraceNeverTriggerAndAFlatAccountIsNotChecked() {
        RuleScript s = script();
        s.at("2026-03-02T20:59:00Z").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");
        s.at("2026-03-02T21:00:20Z").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.50");   // averagePrice only
        s.at("2026-03-02T21:00:30Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.50");
        s.at("2026-03-02T21:00:40Z").closePosition(ACCOUNT, "MNQ.H26");
        s.at("2026-03-02T21:05:00Z").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void changesToAnOrderThatIsAlreadyWorkingNeverTrigger() {
        RuleScript s = script();
        s.at("2026-03-02T20:50:00Z").order(ACCOUNT, 970, "MNQ.H26", 4, SELL, "20990.00");
        s.at("2026-03-02T21:00:20Z").order(ACCOUNT, 970, "MNQ.H26", 4, SELL, "20995.00");
        s.at("2026-03-02T21:00:40Z").order(ACCOUNT, 970, "MNQ.H26", 3, 4, SELL, "20995.00");
        s.at("2026-03-02T21:05:00Z").clock();

        assertThat(s.run()).isEmpty();
    }

    // ---- the session-end check ---------------------------------------------------------------

    @Test
    void theCheckLocksWhenAPositionIsStillOpen() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:05:00Z").clock();

        String reason = " | " + checkReason(1, 0, "2026-03-02 15:00:00");
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:01:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T21:01:00Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void theCheckLocksWhenOnlyAWorkingOrderIsLeft() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").order(ACCOUNT, 970, "MNQ.H26", 1, BUY, null);
        s.at("2026-03-02T21:05:00Z").clock();

        String reason = " | " + checkReason(0, 1, "2026-03-02 15:00:00");
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:01:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T21:01:00Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void theCheckCountsOpenPositionsAndWorkingOrdersOnly() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.position(ACCOUNT, 2, "EP.H26", SHORT, 2, "6000.00");
        s.order(ACCOUNT, 970, "MNQ.H26", 4, SELL, "20990.00");
        s.order(ACCOUNT, 971, "MNQ.H26", 0, 1, BUY, null);   // status 0: stored, not working
        s.at("2026-03-02T21:05:00Z").clock();

        assertThat(s.run()).extracting(Action::reason).containsOnly(checkReason(2, 1, "2026-03-02 15:00:00"));
    }

    @Test
    void aPositionClosedExactlyAtTheCheckIsTooLate() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:01:00Z").closePosition(ACCOUNT, "MNQ.H26");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T21:01:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z | " + checkReason(1, 0, "2026-03-02 15:00:00"));
    }

    @Test
    void aPositionClosedJustBeforeTheCheckLeavesNothingToCheck() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:00:59.999Z").closePosition(ACCOUNT, "MNQ.H26");
        s.at("2026-03-02T21:05:00Z").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void theCheckRunsAfterTheConfiguredGrace() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE.replace("close_grace_seconds: 60", "close_grace_seconds: 120")
                + "rules:\n  " + RULE + "\n");
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:05:00Z").clock();

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T21:02:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z | 1 open positions and 0 working orders"
                        + " 120 s after the session ended at 2026-03-02 15:00:00 America/Chicago");
    }

    // ---- calendar: weekend, DST, holiday, early close ----------------------------------------

    @Test
    void theFridayCheckLocksUntilMondayAcrossTheDstChange() {
        RuleScript s = script();
        s.at("2026-03-06T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-06T21:05:00Z").clock();

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-06T21:01:00Z RULE-009 LOCK until=2026-03-09T13:30:00Z | " + checkReason(1, 0, "2026-03-06 15:00:00"));
    }

    @Test
    void aPositionOpenedFridayEveningLocksUntilMondayMorningCdt() {
        RuleScript s = script();
        s.at("2026-03-06T21:30:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-06T21:30:00Z RULE-009 LOCK until=2026-03-09T13:30:00Z | position " + MNQ
                        + " opened at 2026-03-06 15:30:00" + OUTSIDE);
    }

    @Test
    void afterTheDstChangeTheSessionAndItsCheckAreOneHourEarlierInUtc() {
        RuleScript s = script();
        s.at("2026-03-09T13:30:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");   // 08:30 CDT: inside
        s.at("2026-03-09T20:05:00Z").clock();

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-09T20:01:00Z RULE-009 LOCK until=2026-03-10T13:30:00Z | " + checkReason(1, 0, "2026-03-09 15:00:00"));
    }

    @Test
    void aHolidayIsOutside() {
        RuleScript s = script();
        s.at("2026-11-26T16:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-11-26T16:00:00Z RULE-009 LOCK until=2026-11-27T14:30:00Z | position " + MNQ
                        + " opened at 2026-11-26 10:00:00" + OUTSIDE);
    }

    @Test
    void theEarlyCloseCheckRunsAtItsGraceAndLocksUntilMonday() {
        RuleScript s = script();
        s.at("2026-11-27T17:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");   // 11:00 CST: inside
        s.at("2026-11-27T18:05:00Z").clock();

        String reason = " | " + checkReason(1, 0, "2026-11-27 12:00:00");
        assertThat(briefs(s.run())).containsExactly(
                "2026-11-27T18:01:00Z RULE-009 LOCK until=2026-11-30T14:30:00Z" + reason,
                "2026-11-27T18:01:00Z RULE-009 FLATTEN" + reason);
    }

    @Test
    void anOrderAtTheEarlyCloseIsOutside() {
        RuleScript s = script();
        s.at("2026-11-27T18:00:00Z").order(ACCOUNT, 970, "MNQ.H26", 1, BUY, null);

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-11-27T18:00:00Z RULE-009 LOCK until=2026-11-30T14:30:00Z | new order 970 at 2026-11-27 12:00:00"
                        + OUTSIDE);
    }

    // ---- while locked ------------------------------------------------------------------------

    @Test
    void whileItsOwnLockIsActiveLockEnforcementCancelsANewOrder() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T21:01:02Z").closePosition(ACCOUNT, "MNQ.H26");
        s.at("2026-03-02T22:00:00Z").order(ACCOUNT, 980, "MNQ.H26", 1, BUY, null);

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T22:00:00Z RULE-009 CANCEL_ORDER 980 " + MNQ
                        + " | account locked by RULE-009 until 2026-03-03T14:30:00Z: new order 980");
    }

    @Test
    void whileItsOwnLockIsActiveLockEnforcementClosesAnIncrease() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T22:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T22:00:00Z RULE-009 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-009 until 2026-03-03T14:30:00Z: position " + MNQ + " increased to 2");
    }

    @Test
    void whileItsOwnLockIsActiveAProtectiveStopOfAnOpenPositionIsLeftAlone() {
        RuleScript s = script();
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-02T22:00:00Z").order(ACCOUNT, 980, "MNQ.H26", 4, SELL, "20990.00");

        assertThat(s.run()).extracting(Action::ts).containsOnly(Instant.parse("2026-03-02T21:01:00Z"));
    }

    @Test
    void evaluatesWhileAnotherRulesLockIsActive() {
        RuleScript s = RuleScript.withRules(RULE, "auth_loss_guard: { enabled: true }");
        s.at("2026-03-02T21:30:00Z").account(ACCOUNT, false);
        s.at("2026-03-02T22:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        String reason = " | position " + MNQ + " opened at 2026-03-02 16:00:00" + OUTSIDE;
        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T21:30:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T21:30:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-02T22:00:00Z RULE-009 LOCK until=2026-03-03T14:30:00Z" + reason,
                "2026-03-02T22:00:00Z RULE-009 FLATTEN" + reason);
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = RuleScript.withRules("session_block_outside: { enabled: false }");
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-07T16:00:00Z").order(ACCOUNT, 960, "MNQ.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void neverFiresWhenTheSessionIsDisabled() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE.replace("session:\n  enabled: true", "session:\n  enabled: false")
                + "rules:\n  " + RULE + "\n");
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-07T16:00:00Z").order(ACCOUNT, 960, "MNQ.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void neverFiresWithoutASessionBlock() {
        String base = RuleScript.BASE;
        String withoutSession = base.substring(0, base.indexOf("session:"))
                + base.substring(base.indexOf("instruments:"));
        RuleScript s = RuleScript.withConfig(withoutSession + "rules:\n  " + RULE + "\n");
        s.at("2026-03-02T20:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("2026-03-07T16:00:00Z").order(ACCOUNT, 960, "MNQ.H26", 1, BUY, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void newRiskOutsideTheSessionAndRiskLeftOpenAtTheCheckCarryDifferentCauses() {
        RuleScript outside = script();
        outside.at("2026-03-02T22:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        RuleScript leftOpen = script();
        leftOpen.at("2026-03-02T20:30:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        leftOpen.at("2026-03-02T21:01:00Z").clock();

        assertThat(outside.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.LOCK, DecisionCause.NEW_RISK_OUTSIDE_SESSION),
                tuple(ActionKind.FLATTEN, DecisionCause.NEW_RISK_OUTSIDE_SESSION));
        assertThat(leftOpen.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.LOCK, DecisionCause.OPEN_AFTER_SESSION_END),
                tuple(ActionKind.FLATTEN, DecisionCause.OPEN_AFTER_SESSION_END));
    }
}
