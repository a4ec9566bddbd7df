package io.riskguard.rules;

import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.contract.DecisionCause;
import io.riskguard.contract.InputCause;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULE-005 max_unrealized_profit (RULES.md §2, §1.6, §1.7, §1.2, §5.5). ES via its broker alias EP:
 * 50 USD per point and contract; MNQ: 2 USD per point and contract.
 */
class Rule005MaxUnrealizedProfitTest {

    private static final long ACC = 2002;
    private static final String EP = "EP.H26";
    private static final String EP_ID = "CON.F.US.EP.H26";
    private static final String RULE = "max_unrealized_profit: { target: 500.00 }";

    private static RuleScript script() {
        return RuleScript.withRules(RULE);
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    /** The JSON line of a RULE-005 close of account 2002 with index 0 ({@code trigger} = type:brokerId). */
    private static String close(String trigger, String ts, String contractId, String u, String target) {
        return "{\"id\":\"2002:RULE-005:CLOSE_POSITION:" + trigger + ":" + ts + ":0\",\"ts\":\"" + ts + "\","
                + "\"accountId\":2002,\"rule\":\"RULE-005\",\"kind\":\"CLOSE_POSITION\",\"contractId\":\"" + contractId
                + "\",\"reason\":\"unrealized P&L " + u + " on " + contractId + " reached the target " + target + "\","
                + "\"configVersion\":7}";
    }

    private static String closeOnQuote(String ts, String u) {
        return close("quote:" + EP_ID, ts, EP_ID, u, "500.00");
    }

    private static RuleScript quoteData(RuleScript s, String contract, String data) {
        return s.line("{\"type\":\"quote\",\"ts\":\"" + s.now() + "\",\"contractId\":\"" + RuleScript.contract(contract)
                + "\",\"data\":" + data + "}");
    }

    // ---- worked example -------------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleOfSection55ByteForByte() {
        RuleScript s = script();
        s.at("15:09:00").position(ACC, "MNQ.H26", SHORT, 5, "21000.00");
        s.at("15:10:00").quote("MNQ.H26", "20950.00", "20950.50");
        s.at("15:10:01").quote("MNQ.H26", "20950.00");

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-005:CLOSE_POSITION:quote:CON.F.US.MNQ.H26:2026-03-02T15:10:01Z:0\","
                        + "\"ts\":\"2026-03-02T15:10:01Z\",\"accountId\":2002,\"rule\":\"RULE-005\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"reason\":\"unrealized P&L 500.00 on CON.F.US.MNQ.H26 reached the target 500.00\","
                        + "\"configVersion\":7}");
    }

    // ---- the target -----------------------------------------------------------------------------

    @Test
    void closesALongPositionWhenTheProfitEqualsTheTarget() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6010.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "500.00"));
    }

    @Test
    void doesNotCloseALongPositionOneTickBeforeTheTarget() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6009.75");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void closesAShortPositionWhenTheProfitEqualsTheTarget() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "5995.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "500.00"));
    }

    @Test
    void doesNotCloseAShortPositionOneTickBeforeTheTarget() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "5995.25");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNotCloseAShortPositionThatIsLosing() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "6010.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void reportsTheProfitBeyondTheTargetInTheReason() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6012.25");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "612.50"));
    }

    // ---- triggers -------------------------------------------------------------------------------

    @Test
    void closesOnAPositionEventWhenAFreshQuoteIsAlreadyThere() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "6010.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:02Z", EP_ID, "500.00", "500.00"));
    }

    @Test
    void closesOnAPositionEventThatOnlyChangesTheAveragePrice() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6009.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "5999.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:02Z", EP_ID, "500.00", "500.00"));
    }

    @Test
    void doesNotEvaluateAClosedPosition() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6001.00");
        s.at("15:00:02").closePosition(ACC, EP);
        s.at("15:00:03").quote(EP, "6100.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void oneQuoteClosesThePositionOfEveryHoldingAccount() {
        RuleScript s = script();
        s.at("15:00:00").position(2002, EP, LONG, 1, "6000.00");
        s.at("15:00:00").position(1001, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6010.00");

        assertThat(s.run()).extracting(Action::id).containsExactly(
                "1001:RULE-005:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0",
                "2002:RULE-005:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0");
    }

    // ---- marks ----------------------------------------------------------------------------------

    @Test
    void skipsAQuoteOlderThanMaxAgeSeconds() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "6010.00");
        s.at("15:00:05.001").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void evaluatesAQuoteExactlyMaxAgeSecondsOld() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "6010.00");
        s.at("15:00:05").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:05Z", EP_ID, "500.00", "500.00"));
    }

    @Test
    void neverTreatsAMissingMarkAsZero() {
        // a mark of 0 would be a profit of 300000.00 for this short
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 1, "6000.00");
        quoteData(s.at("15:00:01"), EP, "{\"bestAsk\":5900.00}");
        quoteData(s.at("15:00:02"), EP, "{\"lastPrice\":0,\"bestBid\":0}");
        s.at("15:00:03").position(ACC, EP, SHORT, 2, "6000.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void marksAtTheMidPriceWhenThereIsNoLastPrice() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6009.75", "6010.25");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "500.00"));
    }

    @Test
    void keepsTheLastPriceWhenALaterQuoteOmitsIt() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6005.00");
        s.at("15:00:02").quote(EP, "6020.00", "6020.50");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void keepsTheLastPriceWhenALaterQuoteSendsZero() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6009.75");
        quoteData(s.at("15:00:02"), EP, "{\"lastPrice\":0,\"bestBid\":6020.00,\"bestAsk\":6020.50}");

        assertThat(s.run()).isEmpty();
    }

    // ---- position lifecycle -----------------------------------------------------------------------

    @Test
    void usesTheLatestAveragePriceAfterAScaleIn() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6005.00");
        // with the old 6000.00 the scale-in to 2 would be 500.00; with 6002.50 it is 250.00
        s.at("15:00:02").position(ACC, EP, LONG, 2, "6002.50");
        s.at("15:00:03").quote(EP, "6007.50");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:03Z", "500.00"));
    }

    @Test
    void treatsAFlipAsANewPositionInTheNewDirection() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6005.00");
        s.at("15:00:02").position(ACC, EP, SHORT, 1, "6005.00");
        s.at("15:00:03").quote(EP, "5995.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:03Z", "500.00"));
    }

    // ---- pending enforcement ------------------------------------------------------------------------

    @Test
    void doesNotRepeatTheCloseWhileItIsPendingForTenSeconds() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6010.00");
        s.at("15:00:05").quote(EP, "6011.00");
        s.at("15:00:10.999").quote(EP, "6011.00");
        s.at("15:00:11").quote(EP, "6011.00");

        assertThat(json(s.run())).containsExactly(
                closeOnQuote("2026-03-02T15:00:01Z", "500.00"),
                closeOnQuote("2026-03-02T15:00:11Z", "550.00"));
    }

    @Test
    void aPositionEventEndsThePendingCloseSoTheNextBreachClosesAgain() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 2, "6000.00");
        s.at("15:00:01").quote(EP, "6005.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:03").quote(EP, "6010.00");

        assertThat(json(s.run())).containsExactly(
                closeOnQuote("2026-03-02T15:00:01Z", "500.00"),
                closeOnQuote("2026-03-02T15:00:03Z", "500.00"));
    }

    // ---- unknown instrument economics ------------------------------------------------------------

    @Test
    void skipsAPositionWhoseRootHasNoInstrumentsEntryAndWarnsOnce() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, "ZB.H26", SHORT, 1, "110.00");
        s.at("15:00:01").quote("ZB.H26", "90.00");
        s.at("15:00:02").position(ACC, "ZB.H26", SHORT, 2, "110.00");
        s.at("15:00:03").quote("ZB.H26", "80.00");

        assertThat(s.run()).isEmpty();
        assertThat(s.deadLetters()).extracting(DeadLetterJson::toJson).containsExactly(
                DeadLetterJson.toJson(DeadLetter.warning(InputCause.NO_INSTRUMENT_ENTRY,
                        "no instruments entry for root ZB; RULE-004/005/012 skip CON.F.US.ZB.H26", s.lines().get(0))));
        assertThat(s.deadLetters()).extracting(DeadLetter::cause).containsExactly(InputCause.NO_INSTRUMENT_ENTRY);
    }

    // ---- exact decimals ------------------------------------------------------------------------------

    private static RuleScript thirdOfATickScript() {
        return RuleScript.withConfig(RuleScript.BASE.replace("instruments:\n",
                "instruments:\n  ZZ:  { tick_size: 0.03, tick_value: 10.00 }\n") + "rules:\n  " + RULE + "\n");
    }

    @Test
    void computesANonTerminatingDivisionWithoutFailing() {
        RuleScript s = thirdOfATickScript();
        s.at("15:00:00").position(ACC, "ZZ.H26", LONG, 1, "100.00");
        s.at("15:00:01").quote("ZZ.H26", "101.49");   // 14.9 / 0.03 = 496.666...
        s.at("15:00:02").quote("ZZ.H26", "101.51");   // 15.1 / 0.03 = 503.333...

        assertThat(json(s.run())).containsExactly(close("quote:CON.F.US.ZZ.H26", "2026-03-02T15:00:02Z",
                "CON.F.US.ZZ.H26", "503.33", "500.00"));
    }

    @Test
    void comparesTheQuotientRoundedTo34SignificantDigits() {
        RuleScript s = thirdOfATickScript();
        s.at("15:00:00").position(ACC, "ZZ.H26", LONG, 1, "100");
        // (15 - 1E-32) / 0.03 = 499.99999999999999999999999999999966... -> 499.9999999999999999999999999999997: below
        s.at("15:00:01").quote("ZZ.H26", "101.499999999999999999999999999999999");
        // (15 - 1E-35) / 0.03 = 499.99999999999999999999999999999999966... -> 500.0000000000000000000000000000000: reached
        s.at("15:00:02").quote("ZZ.H26", "101.499999999999999999999999999999999999");

        assertThat(json(s.run())).containsExactly(close("quote:CON.F.US.ZZ.H26", "2026-03-02T15:00:02Z",
                "CON.F.US.ZZ.H26", "500.00", "500.00"));
    }

    // ---- locks, config --------------------------------------------------------------------------

    @Test
    void evaluatesWhileTheAccountIsLocked() {
        RuleScript s = RuleScript.withRules(RULE, "auth_loss_guard: { enabled: true }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").account(ACC, false);
        s.at("15:00:11").quote(EP, "6010.00");   // the flatten's pending close ended at 15:00:11

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK), tuple(10, ActionKind.FLATTEN), tuple(5, ActionKind.CLOSE_POSITION));
        assertThat(ActionJson.toJson(actions.get(2))).isEqualTo(closeOnQuote("2026-03-02T15:00:11Z", "500.00"));
    }

    @Test
    void aDisabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules("max_unrealized_profit: { enabled: false, target: 500.00 }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6100.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void usesTheDefaultTargetOf500() {
        RuleScript s = RuleScript.withRules("max_unrealized_profit: { enabled: true }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6009.75");
        s.at("15:00:02").quote(EP, "6010.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:02Z", "500.00"));
    }

    @Test
    void writesAnIntegerTargetAsMoneyInTheReason() {
        RuleScript s = RuleScript.withRules("max_unrealized_profit: { target: 250 }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6005.00");

        assertThat(json(s.run())).containsExactly(
                close("quote:" + EP_ID, "2026-03-02T15:00:01Z", EP_ID, "250.00", "250.00"));
    }

    @Test
    void appliesAnAccountOverrideOnlyToThatAccount() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + RULE + "\n"
                + "accounts:\n  \"1001\": { rules: { max_unrealized_profit: { target: 100.00 } } }\n");
        s.at("15:00:00").position(1001, EP, LONG, 1, "6000.00");
        s.at("15:00:00").position(2002, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6002.00");

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"1001:RULE-005:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:01Z\",\"accountId\":1001,\"rule\":\"RULE-005\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.EP.H26\","
                        + "\"reason\":\"unrealized P&L 100.00 on CON.F.US.EP.H26 reached the target 100.00\","
                        + "\"configVersion\":7}");
    }

    @Test
    void aCloseCarriesTheUnrealizedProfitCause() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "6010.00");

        assertThat(s.run()).extracting(Action::kind, Action::cause)
                .containsExactly(tuple(ActionKind.CLOSE_POSITION, DecisionCause.UNREALIZED_PROFIT_REACHED));
    }
}
