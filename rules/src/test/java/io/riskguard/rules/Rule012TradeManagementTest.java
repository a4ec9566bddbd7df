package io.riskguard.rules;

import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULE-012 trade_management (RULES.md §2, §1.7, §1.9, §5.12). MNQ: tick 0.25. Account 2002, stops
 * are working orders of type 4 (stop) unless stated.
 */
class Rule012TradeManagementTest {

    private static final long ACC = 2002;
    private static final String MNQ = "MNQ.H26";
    private static final String MNQ_ID = "CON.F.US.MNQ.H26";
    private static final int LIMIT = 1;
    private static final int STOP_LIMIT = 3;
    private static final int STOP = 4;
    private static final int TRAILING_STOP = 5;

    private static final String FULL = "trade_management: { enabled: true, breakeven: { trigger_ticks: 4, "
            + "offset_ticks: 1 }, trailing: { activation_ticks: 8, trail_ticks: 4 } }";
    private static final String BREAK_EVEN_ONLY = "trade_management: { breakeven: { trigger_ticks: 4, offset_ticks: 1 } }";
    private static final String TRAILING_ONLY = "trade_management: { trailing: { activation_ticks: 8, trail_ticks: 4 } }";

    private static RuleScript script() {
        return RuleScript.withRules(FULL);
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    /** A RULE-012 MODIFY_STOP line of account 2002 on MNQ.H26 ({@code trigger} = type:brokerId). */
    private static String modify(String trigger, String ts, int index, long orderId, String stopPrice, String reason) {
        return "{\"id\":\"2002:RULE-012:MODIFY_STOP:" + trigger + ":" + ts + ":" + index + "\",\"ts\":\"" + ts + "\","
                + "\"accountId\":2002,\"rule\":\"RULE-012\",\"kind\":\"MODIFY_STOP\",\"orderId\":" + orderId
                + ",\"contractId\":\"" + MNQ_ID + "\",\"stopPrice\":" + stopPrice + ",\"reason\":\"" + reason + "\","
                + "\"configVersion\":7}";
    }

    private static String onQuote(String ts, long orderId, String stopPrice, String reason) {
        return modify("quote:" + MNQ_ID, ts, 0, orderId, stopPrice, reason);
    }

    private static String breakEven(String current, String candidate, String ticks) {
        return "break-even stop for " + MNQ_ID + ": " + current + " -> " + candidate + " (profit " + ticks + " ticks)";
    }

    private static String trailing(String current, String candidate, String ticks) {
        return "trailing stop for " + MNQ_ID + ": " + current + " -> " + candidate + " (profit " + ticks + " ticks)";
    }

    /** Long 1 @ 21000.00 at 15:00:00 with sell stop 1201 at 20990.00 placed at 15:00:01 (no quote yet). */
    private static RuleScript longWithStop(RuleScript s) {
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        return s;
    }

    /** Short 1 @ 21000.00 at 15:00:00 with buy stop 1201 at 21010.00 placed at 15:00:01 (no quote yet). */
    private static RuleScript shortWithStop(RuleScript s) {
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, BUY, "21010.00");
        return s;
    }

    // ---- worked example -------------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleOfSection512ByteForByte() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:05").quote(MNQ, "21000.75");
        s.at("15:00:10").quote(MNQ, "21001.00");
        s.at("15:00:11").order(ACC, 1201, MNQ, STOP, SELL, "21000.25");
        s.at("15:00:20").quote(MNQ, "21002.50");
        s.at("15:00:21").order(ACC, 1201, MNQ, STOP, SELL, "21001.50");
        s.at("15:00:30").quote(MNQ, "21001.75");
        s.at("15:00:40").quote(MNQ, "21003.00");

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:10Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:10Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21000.25,"
                        + "\"reason\":\"break-even stop for CON.F.US.MNQ.H26: 20990 -> 21000.25 (profit 4 ticks)\","
                        + "\"configVersion\":7}",
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:20Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:20Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21001.5,"
                        + "\"reason\":\"trailing stop for CON.F.US.MNQ.H26: 21000.25 -> 21001.5 (profit 10 ticks)\","
                        + "\"configVersion\":7}",
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:40Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:40Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21002,"
                        + "\"reason\":\"trailing stop for CON.F.US.MNQ.H26: 21001.5 -> 21002 (profit 12 ticks)\","
                        + "\"configVersion\":7}");
    }

    // ---- break-even -------------------------------------------------------------------------------

    @Test
    void movesALongStopToBreakEvenAtTriggerTicksExactly() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void doesNothingOneTickBelowTriggerTicks() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21000.75");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNothingJustBelowTriggerTicksWithAFractionalProfit() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21000.875", "21001.00");   // mid 21000.9375: 3.75 ticks

        assertThat(s.run()).isEmpty();
    }

    @Test
    void movesAShortStopToBreakEvenAtTriggerTicksExactly() {
        RuleScript s = shortWithStop(script());
        s.at("15:00:02").quote(MNQ, "20999.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "20999.75", breakEven("21010", "20999.75", "4")));
    }

    @Test
    void roundsAShortBreakEvenUpOntoTheTickGrid() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 2, "21000.125");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, BUY, "21010.00");
        s.at("15:00:02").quote(MNQ, "20999.00");   // 4.5 ticks; 21000.125 - 0.25 = 20999.875 -> 21000

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000", breakEven("21010", "21000", "4.5")));
    }

    @Test
    void roundsALongBreakEvenDownOntoTheTickGrid() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.125");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.25");   // 4.5 ticks; 21000.125 + 0.25 = 21000.375 -> 21000.25

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4.5")));
    }

    @Test
    void roundsAShortBreakEvenUpEvenWhenItLiesJustAboveAGridPoint() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.0625");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, BUY, "21010.00");
        s.at("15:00:02").quote(MNQ, "20999.00");   // 4.25 ticks; 20999.8125 -> 21000 (not the nearer 20999.75)

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000", breakEven("21010", "21000", "4.25")));
    }

    @Test
    void roundsALongBreakEvenDownEvenWhenItLiesJustBelowAGridPoint() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.1875");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.25");   // 4.25 ticks; 21000.4375 -> 21000.25 (not the nearer 21000.5)

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4.25")));
    }

    @Test
    void usesTheOffsetTicksOfTheConfig() {
        RuleScript s = longWithStop(RuleScript.withRules(
                "trade_management: { breakeven: { trigger_ticks: 6, offset_ticks: 2 } }"));
        s.at("15:00:02").quote(MNQ, "21001.25");
        s.at("15:00:03").quote(MNQ, "21001.50");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1201, "21000.5", breakEven("20990", "21000.5", "6")));
    }

    @Test
    void usesAZeroOffsetAsTheEntryPrice() {
        RuleScript s = longWithStop(RuleScript.withRules(
                "trade_management: { breakeven: { trigger_ticks: 4, offset_ticks: 0 } }"));
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000", breakEven("20990", "21000", "4")));
    }

    // ---- trailing ---------------------------------------------------------------------------------

    @Test
    void startsTrailingAtActivationTicksExactly() {
        RuleScript s = longWithStop(RuleScript.withRules(TRAILING_ONLY));
        s.at("15:00:02").quote(MNQ, "21002.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21001", trailing("20990", "21001", "8")));
    }

    @Test
    void doesNotTrailOneTickBelowActivationTicks() {
        RuleScript s = longWithStop(RuleScript.withRules(TRAILING_ONLY));
        s.at("15:00:02").quote(MNQ, "21001.75");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void trailsAShortBehindItsLowestMark() {
        RuleScript s = shortWithStop(script());
        s.at("15:00:02").quote(MNQ, "20997.00");   // 12 ticks: trailing 20998 beats break-even 20999.75

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "20998", trailing("21010", "20998", "12")));
    }

    @Test
    void roundsALongTrailingStopDownFromAnOffGridMid() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21003.00", "21003.25");   // mid 21003.125: 12.5 ticks; 21002.125 -> 21002

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21002", trailing("20990", "21002", "12.5")));
    }

    @Test
    void roundsAShortTrailingStopUpFromAnOffGridMid() {
        RuleScript s = shortWithStop(script());
        s.at("15:00:02").quote(MNQ, "20996.75", "20997.00");   // mid 20996.875: 12.5 ticks; 20997.875 -> 20998

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "20998", trailing("21010", "20998", "12.5")));
    }

    @Test
    void trailsBehindTheBestMarkNotTheCurrentOne() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21005.00");
        s.at("15:00:02").quote(MNQ, "21004.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");   // best 21005: 21004 is not below the mark
        s.at("15:00:04").quote(MNQ, "21004.25");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:04Z", 1201, "21004", trailing("20990", "21004", "17")));
    }

    @Test
    void trailsAShortBehindItsBestMarkNotTheCurrentOne() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "20995.00");
        s.at("15:00:02").quote(MNQ, "20996.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, BUY, "21010.00");   // best 20995: 20996 is not above the mark
        s.at("15:00:04").quote(MNQ, "20995.75");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:04Z", 1201, "20996", trailing("21010", "20996", "17")));
    }

    @Test
    void resetsTheBestMarkWhenThePositionReopens() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21010.00");
        s.at("15:00:02").closePosition(ACC, MNQ);
        s.at("15:00:10").position(ACC, MNQ, LONG, 1, "21000.00");   // quote stale: no best yet
        s.at("15:00:11").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:12").quote(MNQ, "21002.25");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:12Z", 1201, "21001.25", trailing("20990", "21001.25", "9")));
    }

    @Test
    void resetsTheBestMarkWhenThePositionFlips() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21010.00");   // best of the long: 21010
        s.at("15:00:07").position(ACC, MNQ, SHORT, 1, "21015.00");   // quote stale: the short has no best yet
        s.at("15:00:08").order(ACC, 1201, MNQ, STOP, BUY, "21025.00");
        s.at("15:00:09").quote(MNQ, "21012.75");   // 9 ticks; best 21012.75: trailing 21013.75

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:09Z", 1201, "21013.75", trailing("21025", "21013.75", "9")));
    }

    // ---- candidate choice -------------------------------------------------------------------------

    @Test
    void prefersTheTighterTrailingStopWhenBothApply() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21002.00");   // 8 ticks: break-even 21000.25, trailing 21001

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21001", trailing("20990", "21001", "8")));
    }

    @Test
    void prefersTheTighterBreakEvenWhenBothApply() {
        RuleScript s = longWithStop(RuleScript.withRules("trade_management: { breakeven: { trigger_ticks: 4, "
                + "offset_ticks: 3 }, trailing: { activation_ticks: 4, trail_ticks: 10 } }"));
        s.at("15:00:02").quote(MNQ, "21001.00");   // break-even 21000.75, trailing 20998.50

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.75", breakEven("20990", "21000.75", "4")));
    }

    @Test
    void namesBreakEvenOnATie() {
        RuleScript s = longWithStop(RuleScript.withRules("trade_management: { breakeven: { trigger_ticks: 4, "
                + "offset_ticks: 3 }, trailing: { activation_ticks: 4, trail_ticks: 1 } }"));
        s.at("15:00:02").quote(MNQ, "21001.00");   // both 21000.75

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.75", breakEven("20990", "21000.75", "4")));
    }

    @Test
    void aBreakEvenOnlyConfigNeverTrails() {
        RuleScript s = longWithStop(RuleScript.withRules(BREAK_EVEN_ONLY));
        s.at("15:00:02").quote(MNQ, "21005.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "20")));
    }

    @Test
    void aTrailingOnlyConfigHasNoBreakEven() {
        RuleScript s = longWithStop(RuleScript.withRules(TRAILING_ONLY));
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- emit only strictly between the current stop and the mark ---------------------------------

    @Test
    void doesNothingWhenTheCandidateEqualsTheCurrentStop() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "21000.25");
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void neverLoosensALongStop() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "21000.50");
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void neverLoosensAShortStop() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, BUY, "20999.50");
        s.at("15:00:02").quote(MNQ, "20999.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNothingWhenALongCandidateIsNotBelowTheMark() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21005.00");
        s.at("15:00:02").quote(MNQ, "21004.00");
        // 16 ticks, best 21005: trailing 21004 = mark, so nothing (break-even is not used instead)
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNothingWhenAShortCandidateIsNotAboveTheMark() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "20995.00");
        s.at("15:00:02").quote(MNQ, "20996.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, BUY, "21010.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- the managed stop -------------------------------------------------------------------------

    @Test
    void managesTheStopThatBecameWorkingLast() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1300, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").order(ACC, 1250, MNQ, STOP, SELL, "20995.00");
        s.at("15:00:03").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1250, "21000.25", breakEven("20995", "21000.25", "4")));
    }

    @Test
    void managesTheLargerOrderIdWhenStopsBecameWorkingAtTheSameTime() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1260, MNQ, STOP, SELL, "20995.00");
        s.at("15:00:01").order(ACC, 1250, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1260, "21000.25", breakEven("20995", "21000.25", "4")));
    }

    @Test
    void anUpdateOfAWorkingStopKeepsItsWorkingSince() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1250, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").order(ACC, 1240, MNQ, STOP, SELL, "20995.00");
        s.at("15:00:03").order(ACC, 1250, MNQ, STOP, SELL, "20992.00");
        s.at("15:00:04").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:04Z", 1240, "21000.25", breakEven("20995", "21000.25", "4")));
    }

    @Test
    void managesAStopLimitOrder() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP_LIMIT, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void managesATrailingStopOrderThatHasAStopPrice() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").order(ACC, 1202, MNQ, TRAILING_STOP, SELL, "20995.00");
        s.at("15:00:03").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1202, "21000.25", breakEven("20995", "21000.25", "4")));
    }

    @Test
    void ignoresAStopWithoutStopPrice() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").order(ACC, 1202, MNQ, TRAILING_STOP, SELL, null);
        s.at("15:00:03").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void ignoresAStopOnTheWrongSide() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").order(ACC, 1202, MNQ, STOP, BUY, "21010.00");
        s.at("15:00:03").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void doesNothingWhenTheOnlyStopIsOnTheWrongSide() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, SHORT, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "20997.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void ignoresOrdersThatAreNotStops() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").order(ACC, 1202, MNQ, LIMIT, SELL, null);
        s.at("15:00:03").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void ignoresAStopOnAnotherContract() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, "MNQ.M26", STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNothingWithoutAStop() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:02").quote(MNQ, "21005.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- triggers ---------------------------------------------------------------------------------

    @Test
    void managesAStopPlacedBeforeThePositionOpenedOnTheOpeningEvent() {
        RuleScript s = script();
        s.at("15:00:00").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:01").quote(MNQ, "21001.00");
        s.at("15:00:02").position(ACC, 66, MNQ, LONG, 1, "21000.00");

        assertThat(json(s.run())).containsExactly(modify("position:66", "2026-03-02T15:00:02Z", 0, 1201, "21000.25",
                breakEven("20990", "21000.25", "4")));
    }

    @Test
    void managesANewStopOnItsOrderEventWhenTheMarkIsFresh() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21001.00");
        s.at("15:00:06").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");

        assertThat(json(s.run())).containsExactly(modify("order:1201", "2026-03-02T15:00:06Z", 0, 1201, "21000.25",
                breakEven("20990", "21000.25", "4")));
    }

    @Test
    void skipsWhenTheMarkIsStale() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").quote(MNQ, "21001.00");
        s.at("15:00:06.001").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNothingForAStopWithoutAnOpenPosition() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").closePosition(ACC, MNQ);
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void tightensAStopAgainAfterTheTraderLoosensIt() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, STOP, SELL, "21000.25");
        s.at("15:00:04").order(ACC, 1201, MNQ, STOP, SELL, "20995.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")),
                modify("order:1201", "2026-03-02T15:00:04Z", 0, 1201, "21000.25", breakEven("20995", "21000.25", "4")));
    }

    // ---- pending modification ---------------------------------------------------------------------

    @Test
    void doesNotRepeatAModificationInFlight() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:03").quote(MNQ, "21001.25");
        s.at("15:00:11.999").quote(MNQ, "21001.25");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void sendsAStrictlyTighterCandidateWhileAModificationIsInFlightWithTheStoredStopAsCurrent() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:03").quote(MNQ, "21002.50");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")),
                onQuote("2026-03-02T15:00:03Z", 1201, "21001.5", trailing("20990", "21001.5", "10")));
    }

    @Test
    void repeatsTheModificationOnceItExpiresAfterTenSeconds() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:12").quote(MNQ, "21001.00");

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")),
                onQuote("2026-03-02T15:00:12Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void anOrderEventForTheStopEndsTheModificationInFlight() {
        RuleScript s = longWithStop(script());
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:03").order(ACC, 1201, MNQ, 6, STOP, SELL, "20990.00");   // pending at the broker, stop unchanged

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")),
                modify("order:1201", "2026-03-02T15:00:03Z", 0, 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    // ---- locks and pending closes -----------------------------------------------------------------

    @Test
    void emitsNothingWhileLockedAndResumesAfterTheUnlock() {
        RuleScript s = longWithStop(RuleScript.withRules(FULL, "auth_loss_guard: { enabled: true }"));
        s.at("15:00:02").account(ACC, false);
        s.at("15:00:12").quote(MNQ, "21001.00");   // the flatten's pending records have ended
        s.at("15:00:13").account(ACC, true);
        s.at("15:00:14").quote(MNQ, "21001.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK), tuple(10, ActionKind.FLATTEN), tuple(10, ActionKind.UNLOCK),
                tuple(12, ActionKind.MODIFY_STOP));
        assertThat(ActionJson.toJson(actions.get(3))).isEqualTo(
                onQuote("2026-03-02T15:00:14Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void tracksTheBestMarkWhileLocked() {
        RuleScript s = longWithStop(RuleScript.withRules(FULL, "auth_loss_guard: { enabled: true }"));
        s.at("15:00:02").account(ACC, false);
        s.at("15:00:03").quote(MNQ, "21010.00");
        s.at("15:00:20").account(ACC, true);
        s.at("15:00:21").quote(MNQ, "21009.50");   // 38 ticks; best 21010 seen while locked: 21009

        List<Action> actions = s.run(ActionKind.MODIFY_STOP);
        assertThat(json(actions)).containsExactly(
                onQuote("2026-03-02T15:00:21Z", 1201, "21009", trailing("20990", "21009", "38")));
    }

    @Test
    void emitsNothingWhileACloseOfThePositionIsPending() {
        RuleScript s = longWithStop(RuleScript.withRules(FULL,
                "max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 0 } }"));
        s.at("15:00:02").quote(MNQ, "21001.00");
        s.at("15:00:09.999").quote(MNQ, "21001.00");
        s.at("15:00:10").quote(MNQ, "21001.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(2, ActionKind.CLOSE_POSITION), tuple(12, ActionKind.MODIFY_STOP));
        assertThat(ActionJson.toJson(actions.get(1))).isEqualTo(
                onQuote("2026-03-02T15:00:10Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void stillManagesTheStopWhileAReductionIsPending() {
        RuleScript s = RuleScript.withRules(FULL, "max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 1 } }");
        s.at("15:00:00").position(ACC, MNQ, LONG, 2, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:02").quote(MNQ, "21001.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(2, ActionKind.REDUCE_POSITION), tuple(12, ActionKind.MODIFY_STOP));
        assertThat(ActionJson.toJson(actions.get(1))).isEqualTo(
                onQuote("2026-03-02T15:00:02Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    @Test
    void emitsNothingWhileAFlattenIsPendingEvenAfterTheLockEnded() {
        RuleScript s = longWithStop(RuleScript.withRules(FULL, "auth_loss_guard: { enabled: true }"));
        s.at("15:00:02").account(ACC, false);
        s.at("15:00:03").account(ACC, true);
        s.at("15:00:04").quote(MNQ, "21001.00");
        s.at("15:00:12").quote(MNQ, "21001.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK), tuple(10, ActionKind.FLATTEN), tuple(10, ActionKind.UNLOCK),
                tuple(12, ActionKind.MODIFY_STOP));
        assertThat(ActionJson.toJson(actions.get(3))).isEqualTo(
                onQuote("2026-03-02T15:00:12Z", 1201, "21000.25", breakEven("20990", "21000.25", "4")));
    }

    // ---- merging (§1.9 step 5) --------------------------------------------------------------------

    @Test
    void dropsTheModificationWhenTheSameTriggerClosesThePosition() {
        RuleScript s = longWithStop(RuleScript.withRules(FULL, "max_unrealized_profit: { target: 10.00 }"));
        s.at("15:00:02").quote(MNQ, "21004.75");   // 9.50: no close; trailing 21003.75
        s.at("15:00:03").quote(MNQ, "21005.00");   // 10.00: close; trailing 21004 is dropped

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:02Z", 1201, "21003.75", trailing("20990", "21003.75", "19")),
                "{\"id\":\"2002:RULE-005:CLOSE_POSITION:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:03Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:03Z\",\"accountId\":2002,\"rule\":\"RULE-005\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"reason\":\"unrealized P&L 10.00 on CON.F.US.MNQ.H26 reached the target 10.00\","
                        + "\"configVersion\":7}");
    }

    @Test
    void dropsTheModificationWhenTheSameTriggerCancelsTheStop() {
        RuleScript s = RuleScript.withRules(FULL, "symbol_blocks: { enabled: true, symbols: [MNQ] }");
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");   // CLOSE_POSITION by RULE-011
        s.at("15:00:15").quote(MNQ, "21003.00");   // that close is no longer pending
        s.at("15:00:16").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");   // CANCEL_ORDER by RULE-011

        assertThat(s.run()).extracting(Action::rule, Action::kind, Action::ts).containsExactly(
                tuple(11, ActionKind.CLOSE_POSITION, Instant.parse("2026-03-02T15:00:00Z")),
                tuple(11, ActionKind.CANCEL_ORDER, Instant.parse("2026-03-02T15:00:16Z")));
    }

    @Test
    void keepsTheModificationWhenTheSameTriggerCancelsAnotherOrder() {
        RuleScript s = RuleScript.withRules(FULL, "symbol_blocks: { enabled: true, symbols: [MNQ] }");
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");   // CLOSE_POSITION by RULE-011
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");   // CANCEL_ORDER by RULE-011
        s.at("15:00:09").quote(MNQ, "21003.00");   // the close is still pending: best only
        s.at("15:00:12").order(ACC, 1300, MNQ, LIMIT, SELL, null);   // the cancel of 1201 ended at 15:00:11

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(11, ActionKind.CLOSE_POSITION), tuple(11, ActionKind.CANCEL_ORDER),
                tuple(11, ActionKind.CANCEL_ORDER), tuple(12, ActionKind.MODIFY_STOP));
        assertThat(actions.get(2).orderId()).isEqualTo(1300L);
        assertThat(actions.get(2).id()).isEqualTo("2002:RULE-011:CANCEL_ORDER:order:1300:2026-03-02T15:00:12Z:0");
        assertThat(ActionJson.toJson(actions.get(3))).isEqualTo(
                modify("order:1300", "2026-03-02T15:00:12Z", 1, 1201, "21002", trailing("20990", "21002", "12")));
    }

    @Test
    void emitsNoModificationInATriggerThatLocksTheAccount() {
        RuleScript s = RuleScript.withRules(FULL, "session_block_outside: { enabled: true }");
        s.at("20:59:50").position(ACC, MNQ, LONG, 1, "21000.00");   // 14:59:50 CST, inside the session
        s.at("21:00:28").quote(MNQ, "21003.00");
        s.at("21:00:30").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");   // a new order after the session end

        assertThat(s.run()).extracting(Action::rule, Action::kind).containsExactly(
                tuple(9, ActionKind.LOCK), tuple(9, ActionKind.FLATTEN));
    }

    // ---- skips and config -------------------------------------------------------------------------

    @Test
    void skipsAPositionWithoutInstrumentEconomics() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, "ZB.H26", LONG, 1, "110.00");
        s.at("15:00:01").order(ACC, 1201, "ZB.H26", STOP, SELL, "100.00");
        s.at("15:00:02").quote("ZB.H26", "120.00");

        assertThat(s.run()).isEmpty();
        assertThat(s.deadLetters()).extracting(DeadLetter::kind, DeadLetter::reason).containsExactly(
                tuple(DeadLetter.Kind.WARNING,
                        "no instruments entry for root ZB; RULE-004/005/012 skip CON.F.US.ZB.H26"));
    }

    @Test
    void aDisabledRuleDoesNothing() {
        RuleScript s = longWithStop(RuleScript.withRules("trade_management: { enabled: false, breakeven: "
                + "{ trigger_ticks: 4, offset_ticks: 1 }, trailing: { activation_ticks: 8, trail_ticks: 4 } }"));
        s.at("15:00:02").quote(MNQ, "21005.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void appliesAnAccountOverride() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + FULL + "\n"
                + "accounts:\n  \"2002\": { rules: { trade_management: { breakeven: { trigger_ticks: 6 } } } }\n");
        longWithStop(s);
        s.at("15:00:02").quote(MNQ, "21001.00");   // 4 ticks: not enough for 2002
        s.at("15:00:03").quote(MNQ, "21001.50");   // 6 ticks

        assertThat(json(s.run())).containsExactly(
                onQuote("2026-03-02T15:00:03Z", 1201, "21000.25", breakEven("20990", "21000.25", "6")));
    }

    @Test
    void aBreakEvenMoveAndATrailingMoveCarryTheirOwnCauses() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:10").quote(MNQ, "21001.00");
        s.at("15:00:11").order(ACC, 1201, MNQ, STOP, SELL, "21000.25");
        s.at("15:00:20").quote(MNQ, "21002.50");

        assertThat(s.run()).extracting(Action::reason, Action::cause).containsExactly(
                tuple("break-even stop for CON.F.US.MNQ.H26: 20990 -> 21000.25 (profit 4 ticks)",
                        DecisionCause.BREAK_EVEN_STOP),
                tuple("trailing stop for CON.F.US.MNQ.H26: 21000.25 -> 21001.5 (profit 10 ticks)",
                        DecisionCause.TRAILING_STOP));
    }
}
