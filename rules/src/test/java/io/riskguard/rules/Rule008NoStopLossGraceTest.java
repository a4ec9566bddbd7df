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
import io.riskguard.rules.RuleTestSupport.SwitchingReplay;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RULE-008 no_stop_loss_grace (RULES.md §2 RULE-008, §5.8). */
class Rule008NoStopLossGraceTest {

    private static final long ACCOUNT = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String GRACE_30 = "no_stop_loss_grace: { grace_seconds: 30 }";
    private static final String CLOSE_MNQ_AT_30 = "2026-03-02T15:00:30Z RULE-008 CLOSE_POSITION " + MNQ
            + " | no stop order protects " + MNQ + " 30 s after it opened";

    private static RuleScript script() {
        return RuleScript.withRules(GRACE_30);
    }

    /** A long MNQ.H26 position opened at 15:00:00, so its deadline is 15:00:30. */
    private static RuleScript longOpenedAt1500() {
        return script().at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
    }

    // ---- RULES.md §5.8 ----------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000");
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:00:15").position(ACCOUNT, 2, "EP.H26", SHORT, 1, "6000");
        s.at("15:00:20").order(ACCOUNT, 901, "EP.H26", 4, SELL, "6010.00");
        s.at("15:01:00").clock();

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-008:CLOSE_POSITION:timer:2026-03-02T15:00:45Z:0\",\"ts\":\"2026-03-02T15:00:45Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-008\",\"kind\":\"CLOSE_POSITION\","
                        + "\"contractId\":\"CON.F.US.EP.H26\","
                        + "\"reason\":\"no stop order protects CON.F.US.EP.H26 30 s after it opened\",\"configVersion\":7}");
    }

    // ---- the deadline ------------------------------------------------------------------------

    @Test
    void closesAnUnprotectedPositionAtTheDeadline() {
        RuleScript s = longOpenedAt1500();
        s.at("15:01:00").clock();

        List<Action> actions = s.run();

        assertThat(briefs(actions)).containsExactly(CLOSE_MNQ_AT_30);
        assertThat(actions.get(0).id()).isEqualTo("2002:RULE-008:CLOSE_POSITION:timer:2026-03-02T15:00:30Z:0");
    }

    @Test
    void doesNothingBeforeTheDeadline() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:29.999").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void theDeadlineUsesTheConfiguredGraceInTimeAndReason() {
        RuleScript s = RuleScript.withRules("no_stop_loss_grace: { grace_seconds: 45 }");
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:02:00").clock();

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:45Z RULE-008 CLOSE_POSITION " + MNQ
                + " | no stop order protects " + MNQ + " 45 s after it opened");
    }

    @Test
    void closesPositionsDueAtTheSameInstantInContractIdOrder() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.position(ACCOUNT, 2, "EP.H26", SHORT, 1, "6000.00");
        s.at("15:01:00").clock();

        List<Action> actions = s.run();

        assertThat(actions).extracting(Action::id).containsExactly(
                "2002:RULE-008:CLOSE_POSITION:timer:2026-03-02T15:00:30Z:0",
                "2002:RULE-008:CLOSE_POSITION:timer:2026-03-02T15:00:30Z:1");
        assertThat(actions).extracting(Action::contractId).containsExactly("CON.F.US.EP.H26", MNQ);
    }

    // ---- what qualifies ----------------------------------------------------------------------

    @ParameterizedTest(name = "type {0}, stopPrice {1}")
    @CsvSource(nullValues = "null", value = {
        "3, 20990.00",   // stop-limit with a stop price
        "4, 20990.00",   // stop with a stop price
        "5, null",       // trailing stop, any stop price
        "5, 20990.00"})
    void aStopOfAQualifyingTypeOnTheOppositeSideProtectsTheLong(int type, String stopPrice) {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", type, SELL, stopPrice);
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @ParameterizedTest(name = "type {0}, stopPrice {1}")
    @CsvSource(nullValues = "null", value = {
        "3, null",       // stop-limit without a stop price
        "4, null",       // stop without a stop price
        "1, null",       // limit
        "2, null",       // market
        "6, null",       // join bid
        "7, null"})      // join ask
    void anOrderThatIsNotAQualifyingStopDoesNotProtect(int type, String stopPrice) {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", type, SELL, stopPrice);
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void aStopOnTheSameSideAsTheLongDoesNotProtectIt() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, BUY, "20990.00");
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void aBuyStopProtectsAShort() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", SHORT, 1, "21000.00");
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, BUY, "21010.00");
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aStopOnAnotherContractDoesNotProtect() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.M26", 4, SELL, "20990.00");
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void theSizeOfTheStopDoesNotMatter() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 3, "21000.00");
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");   // size 1
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aPendingStopIsWorkingAndProtects() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 6, 4, SELL, "20990.00");
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aStopWithStatusNoneIsNotWorkingAndDoesNotProtect() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 0, 4, SELL, "20990.00");
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    // ---- when the stop must be there ---------------------------------------------------------

    @Test
    void aStopPlacedBeforeThePositionOpenedCounts() {
        RuleScript s = script();
        s.at("14:59:50").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aStopArrivingExactlyAtTheDeadlineIsTooLate() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:30").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void aStopArrivingOneMillisecondBeforeTheDeadlineIsInTime() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:29.999").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:01:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aStopCancelledBeforeTheDeadlineNoLongerProtects() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:00:20").order(ACCOUNT, 900, "MNQ.H26", 3, 4, SELL, "20990.00");
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void aStopCancelledAfterTheDeadlineDoesNotReArm() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:00:40").order(ACCOUNT, 900, "MNQ.H26", 3, 4, SELL, "20990.00");
        s.at("15:05:00").clock();

        assertThat(s.run()).isEmpty();
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Test
    void aPositionClosedBeforeTheDeadlineLeavesNothingBehind() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").closePosition(ACCOUNT, "MNQ.H26");
        s.at("15:05:00").clock();

        assertThat(s.run()).isEmpty();
        assertThat(s.state(ACCOUNT).positions()).isEmpty();
        assertThat(s.state(ACCOUNT).timers().isEmpty()).isTrue();
    }

    @Test
    void aFlipReArmsAndTheOldDeadlineLapses() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:05").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");   // protects the long only
        s.at("15:00:20").position(ACCOUNT, "MNQ.H26", SHORT, 1, "21005.00");
        s.at("15:02:00").clock();

        assertThat(briefs(s.run())).containsExactly("2026-03-02T15:00:50Z RULE-008 CLOSE_POSITION " + MNQ
                + " | no stop order protects " + MNQ + " 30 s after it opened");
    }

    @Test
    void anIncreaseDoesNotReArm() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:20").position(ACCOUNT, "MNQ.H26", LONG, 2, "21001.00");
        s.at("15:02:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void aReductionDoesNotReArm() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");
        s.at("15:00:20").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:02:00").clock();

        assertThat(briefs(s.run())).containsExactly(CLOSE_MNQ_AT_30);
    }

    @Test
    void anIncreaseAfterASpentDeadlineArmsNothing() {
        RuleScript s = longOpenedAt1500();
        s.at("15:00:10").order(ACCOUNT, 900, "MNQ.H26", 4, SELL, "20990.00");
        s.at("15:00:40").order(ACCOUNT, 900, "MNQ.H26", 3, 4, SELL, "20990.00");
        s.at("15:00:50").position(ACCOUNT, "MNQ.H26", LONG, 2, "21001.00");
        s.at("15:05:00").clock();

        assertThat(s.run()).isEmpty();
    }

    // ---- locks and pending enforcement -------------------------------------------------------

    @Test
    void evaluatesWhileTheAccountIsLocked() {
        RuleScript s = RuleScript.withRules(GRACE_30, "auth_loss_guard: { enabled: true }");
        s.at("14:59:00").account(ACCOUNT, true);
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:05").account(ACCOUNT, false);   // FLATTEN pending until 15:00:15
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:05Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:05Z RULE-010 FLATTEN | broker reports canTrade=false",
                CLOSE_MNQ_AT_30);
    }

    @Test
    void theCloseIsSuppressedWhileAPendingCloseOfThePositionIsActive() {
        RuleScript s = RuleScript.withRules(GRACE_30, "auth_loss_guard: { enabled: true }");
        s.at("14:59:00").account(ACCOUNT, true);
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:25").account(ACCOUNT, false);   // FLATTEN: pending close of MNQ until 15:00:35
        s.at("15:01:00").clock();

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:25Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:25Z RULE-010 FLATTEN | broker reports canTrade=false");
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = RuleScript.withRules("no_stop_loss_grace: { enabled: false }");
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:05:00").clock();

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aPositionOpenedWhileTheRuleWasDisabledGetsNoDeadline() {
        SwitchingReplay r = new SwitchingReplay("no_stop_loss_grace: { enabled: false }");
        r.feed(events().at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00"));
        r.use(GRACE_30);
        r.feed(events().at("15:00:40").position(ACCOUNT, "MNQ.H26", LONG, 2, "21001.00").at("15:05:00").clock());

        assertThat(r.actions()).isEmpty();
    }

    @Test
    void theGraceInEffectWhenThePositionOpenedDecidesTheDeadline() {
        SwitchingReplay r = new SwitchingReplay(GRACE_30);
        r.feed(events().at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00"));
        r.use("no_stop_loss_grace: { grace_seconds: 120 }");
        r.feed(events().at("15:00:10").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.50").at("15:05:00").clock());

        assertThat(briefs(r.actions())).containsExactly(
                "2026-03-02T15:00:30Z RULE-008 CLOSE_POSITION " + MNQ + " | no stop order protects " + MNQ
                        + " 30 s after it opened");
        assertThat(r.actions().get(0).configVersion()).isEqualTo(8);
    }

    @Test
    void doesNothingAtTheDeadlineIfTheRuleHasBeenDisabledSince() {
        SwitchingReplay r = new SwitchingReplay(GRACE_30);
        r.feed(events().at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00"));
        r.use("no_stop_loss_grace: { enabled: false }");
        r.feed(events().at("15:05:00").clock());

        assertThat(r.actions()).isEmpty();
    }

    /** A line builder; its own config is irrelevant. */
    private static RuleScript events() {
        return script();
    }

    @Test
    void aCloseAtTheDeadlineCarriesTheNoStopCause() {
        RuleScript s = longOpenedAt1500();
        s.at("15:01:00").clock();

        assertThat(s.run()).extracting(Action::kind, Action::cause)
                .containsExactly(tuple(ActionKind.CLOSE_POSITION, DecisionCause.NO_STOP_AFTER_GRACE));
    }
}
