package io.riskguard.rules;

import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
 * RULE-004 daily_unrealized_loss (RULES.md §2, §1.6, §1.7, §1.2, §5.4). ES via its broker alias EP:
 * tick 0.25, tick value 12.50, so 50 USD per point and contract.
 */
class Rule004DailyUnrealizedLossTest {

    private static final long ACC = 2002;
    private static final String EP = "EP.H26";
    private static final String EP_ID = "CON.F.US.EP.H26";
    private static final String RULE = "daily_unrealized_loss: { limit: -300.00 }";

    private static RuleScript script() {
        return RuleScript.withRules(RULE);
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    /** The JSON line of a RULE-004 close of account 2002 with index 0 ({@code trigger} = type:brokerId). */
    private static String close(String trigger, String ts, String contractId, String u, String limit) {
        return "{\"id\":\"2002:RULE-004:CLOSE_POSITION:" + trigger + ":" + ts + ":0\",\"ts\":\"" + ts + "\","
                + "\"accountId\":2002,\"rule\":\"RULE-004\",\"kind\":\"CLOSE_POSITION\",\"contractId\":\"" + contractId
                + "\",\"reason\":\"unrealized P&L " + u + " on " + contractId + " reached the limit " + limit + "\","
                + "\"configVersion\":7}";
    }

    private static String closeOnQuote(String ts, String u) {
        return close("quote:" + EP_ID, ts, EP_ID, u, "-300.00");
    }

    private static RuleScript quoteData(RuleScript s, String contract, String data) {
        return s.line("{\"type\":\"quote\",\"ts\":\"" + s.now() + "\",\"contractId\":\"" + RuleScript.contract(contract)
                + "\",\"data\":" + data + "}");
    }

    private static String warning(String root, String contractId, String raw) {
        return DeadLetterJson.toJson(DeadLetter.warning(InputCause.NO_INSTRUMENT_ENTRY,
                "no instruments entry for root " + root + "; RULE-004/005/012 skip " + contractId, raw));
    }

    // ---- worked example -------------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleOfSection54ByteForByte() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 2, "6000.00");
        s.at("15:00:01").quote(EP, "5998.00");
        s.at("15:00:10").position(ACC, EP, LONG, 3, "5999.00");
        s.at("15:00:11").quote(EP, "5997.00");
        s.at("15:00:12").quote(EP, "5996.00");
        s.at("15:00:13").closePosition(ACC, EP);

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:11Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:11Z\",\"accountId\":2002,\"rule\":\"RULE-004\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.EP.H26\","
                        + "\"reason\":\"unrealized P&L -300.00 on CON.F.US.EP.H26 reached the limit -300.00\","
                        + "\"configVersion\":7}");
    }

    // ---- the limit ------------------------------------------------------------------------------

    @Test
    void closesALongPositionWhenTheLossEqualsTheLimit() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "-300.00"));
    }

    @Test
    void doesNotCloseALongPositionOneTickBetterThanTheLimit() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.25");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void closesAShortPositionWhenTheLossEqualsTheLimit() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "6003.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "-300.00"));
    }

    @Test
    void doesNotCloseAShortPositionOneTickBetterThanTheLimit() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "6002.75");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void doesNotCloseAShortPositionThatIsInProfit() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, SHORT, 2, "6000.00");
        s.at("15:00:01").quote(EP, "5990.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void reportsTheLossBeyondTheLimitInTheReason() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5989.75");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "-512.50"));
    }

    // ---- triggers -------------------------------------------------------------------------------

    @Test
    void closesOnAPositionEventWhenAFreshQuoteIsAlreadyThere() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "5994.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:02Z", EP_ID, "-300.00", "-300.00"));
    }

    @Test
    void closesOnAPositionEventThatOnlyChangesTheAveragePrice() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5995.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6001.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:02Z", EP_ID, "-300.00", "-300.00"));
    }

    @Test
    void doesNotEvaluateAClosedPosition() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5999.00");
        s.at("15:00:02").closePosition(ACC, EP);
        s.at("15:00:03").quote(EP, "5900.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void oneQuoteClosesThePositionOfEveryHoldingAccount() {
        RuleScript s = script();
        s.at("15:00:00").position(2002, EP, LONG, 1, "6000.00");
        s.at("15:00:00").position(1001, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::accountId).containsExactly(1001L, 2002L);
        assertThat(actions).extracting(Action::id).containsExactly(
                "1001:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0",
                "2002:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0");
    }

    // ---- marks: staleness, missing, mid, merging -------------------------------------------------

    @Test
    void skipsAQuoteOlderThanMaxAgeSeconds() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "5994.00");
        s.at("15:00:05.001").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void evaluatesAQuoteExactlyMaxAgeSecondsOld() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "5994.00");
        s.at("15:00:05").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:05Z", EP_ID, "-300.00", "-300.00"));
    }

    @Test
    void neverTreatsAMissingMarkAsZero() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        quoteData(s.at("15:00:01"), EP, "{\"bestBid\":5900.00}");
        quoteData(s.at("15:00:02"), EP, "{\"lastPrice\":0,\"bestAsk\":0}");
        s.at("15:00:03").position(ACC, EP, LONG, 2, "6000.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void marksAtTheMidPriceWhenThereIsNoLastPrice() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5993.75", "5994.25");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:01Z", "-300.00"));
    }

    @Test
    void keepsTheLastPriceWhenALaterQuoteOmitsIt() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5998.00");
        s.at("15:00:02").quote(EP, "5990.00", "5990.50");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void keepsTheLastPriceWhenALaterQuoteSendsZero() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.25");
        quoteData(s.at("15:00:02"), EP, "{\"lastPrice\":0,\"bestBid\":5900.00,\"bestAsk\":5900.50}");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void aQuoteThatChangesNoPriceStillRefreshesTheMergedMark() {
        RuleScript s = script();
        s.at("15:00:00").quote(EP, "5994.00");
        quoteData(s.at("15:00:04"), EP, "{\"volume\":1200}");
        s.at("15:00:08").position(ACC, EP, LONG, 1, "6000.00");

        assertThat(json(s.run())).containsExactly(
                close("position:1", "2026-03-02T15:00:08Z", EP_ID, "-300.00", "-300.00"));
    }

    // ---- position lifecycle -----------------------------------------------------------------------

    @Test
    void usesTheLatestAveragePriceAfterAScaleIn() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5995.00");
        // with the old 6000.00 the scale-in to 2 would be -500.00; with 5997.50 it is -250.00
        s.at("15:00:02").position(ACC, EP, LONG, 2, "5997.50");
        s.at("15:00:03").quote(EP, "5994.50");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:03Z", "-300.00"));
    }

    @Test
    void treatsAFlipAsANewPositionInTheNewDirection() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5995.00");
        s.at("15:00:02").position(ACC, EP, SHORT, 1, "5995.00");
        s.at("15:00:03").quote(EP, "6001.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:03Z", "-300.00"));
    }

    // ---- pending enforcement ------------------------------------------------------------------------

    @Test
    void doesNotRepeatTheCloseWhileItIsPendingForTenSeconds() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.00");
        s.at("15:00:05").quote(EP, "5993.00");
        s.at("15:00:10.999").quote(EP, "5993.00");
        s.at("15:00:11").quote(EP, "5993.00");

        assertThat(json(s.run())).containsExactly(
                closeOnQuote("2026-03-02T15:00:01Z", "-300.00"),
                closeOnQuote("2026-03-02T15:00:11Z", "-350.00"));
    }

    @Test
    void aPositionEventEndsThePendingCloseSoTheNextBreachClosesAgain() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 2, "6000.00");
        s.at("15:00:01").quote(EP, "5997.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:03").quote(EP, "5994.00");

        assertThat(json(s.run())).containsExactly(
                closeOnQuote("2026-03-02T15:00:01Z", "-300.00"),
                closeOnQuote("2026-03-02T15:00:03Z", "-300.00"));
    }

    // ---- unknown instrument economics ------------------------------------------------------------

    @Test
    void skipsAPositionWhoseRootHasNoInstrumentsEntryAndWarnsOnce() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, "ZB.H26", LONG, 1, "110.00");
        s.at("15:00:01").quote("ZB.H26", "100.00");
        s.at("15:00:02").position(ACC, "ZB.H26", LONG, 2, "110.00");
        s.at("15:00:03").quote("ZB.H26", "90.00");

        assertThat(s.run()).isEmpty();
        assertThat(s.deadLetters()).extracting(DeadLetterJson::toJson).containsExactly(
                warning("ZB", "CON.F.US.ZB.H26", s.lines().get(0)));
    }

    @Test
    void writesTheWarningWithTheExactTextAndTheRawPositionLine() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, 77, "ZB.H26", LONG, 1, "110.00");
        s.run();

        assertThat(s.deadLetters()).extracting(DeadLetterJson::toJson).containsExactly(
                "{\"kind\":\"warning\",\"reason\":\"no instruments entry for root ZB; RULE-004/005/012 skip "
                        + "CON.F.US.ZB.H26\",\"raw\":\"{\\\"type\\\":\\\"position\\\",\\\"ts\\\":"
                        + "\\\"2026-03-02T15:00:00Z\\\",\\\"accountId\\\":2002,\\\"data\\\":{\\\"id\\\":77,"
                        + "\\\"accountId\\\":2002,\\\"contractId\\\":\\\"CON.F.US.ZB.H26\\\",\\\"type\\\":1,"
                        + "\\\"size\\\":1,\\\"averagePrice\\\":110.00}}\"}");
    }

    @Test
    void warnsOncePerAccountAndContract() {
        RuleScript s = script();
        s.at("15:00:00").position(2002, "ZB.H26", LONG, 1, "110.00");
        s.at("15:00:01").position(2002, "ZB.M26", LONG, 1, "110.00");
        s.at("15:00:02").position(1001, "ZB.H26", LONG, 1, "110.00");
        s.at("15:00:03").closePosition(2002, "ZB.H26");
        s.at("15:00:04").position(2002, "ZB.H26", SHORT, 1, "111.00");
        s.run();

        List<String> lines = s.lines();
        assertThat(s.deadLetters()).extracting(DeadLetterJson::toJson).containsExactly(
                warning("ZB", "CON.F.US.ZB.H26", lines.get(0)),
                warning("ZB", "CON.F.US.ZB.M26", lines.get(1)),
                warning("ZB", "CON.F.US.ZB.H26", lines.get(2)));
    }

    @Test
    void namesTheUpperCasedRootInTheWarning() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, "CON.F.US.zb.H26", LONG, 1, "110.00");
        s.run();

        assertThat(s.deadLetters()).extracting(DeadLetter::reason).containsExactly(
                "no instruments entry for root ZB; RULE-004/005/012 skip CON.F.US.zb.H26");
    }

    @Test
    void doesNotWarnWhenNoPriceRuleIsEnabled() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }");
        s.at("15:00:00").position(ACC, "ZB.H26", LONG, 1, "110.00");
        s.run();

        assertThat(s.deadLetters()).isEmpty();
    }

    @Test
    void otherRulesStillProcessAPositionWithoutInstrumentsEntry() {
        RuleScript s = RuleScript.withRules(RULE, "max_contracts: { limit: 1 }");
        s.at("15:00:00").position(ACC, "ZB.H26", LONG, 2, "110.00");

        assertThat(s.run()).extracting(Action::rule, Action::kind, Action::contractId, Action::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ActionKind.REDUCE_POSITION,
                        "CON.F.US.ZB.H26", 1L));
        assertThat(s.deadLetters()).hasSize(1);
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
        s.at("15:00:01").quote("ZZ.H26", "99.11");   // -8.9 / 0.03 = -296.666...
        s.at("15:00:02").quote("ZZ.H26", "99.09");   // -9.1 / 0.03 = -303.333...

        assertThat(json(s.run())).containsExactly(close("quote:CON.F.US.ZZ.H26", "2026-03-02T15:00:02Z",
                "CON.F.US.ZZ.H26", "-303.33", "-300.00"));
    }

    @Test
    void comparesTheQuotientRoundedTo34SignificantDigits() {
        RuleScript s = thirdOfATickScript();
        s.at("15:00:00").position(ACC, "ZZ.H26", LONG, 1, "100.9");
        // exact: (-9 + 1E-32) / 0.03 = -299.99999999999999999999999999999966..., which is -299.9999999999999999999999999999997
        // at DECIMAL128: above the limit
        s.at("15:00:01").quote("ZZ.H26", "100.000000000000000000000000000000001");
        // exact: (-9 + 1E-35) / 0.03 = -299.99999999999999999999999999999999966..., which is -300.0000000000000000000000000000000
        // at DECIMAL128: the limit is reached
        s.at("15:00:02").quote("ZZ.H26", "100.000000000000000000000000000000000001");

        assertThat(json(s.run())).containsExactly(close("quote:CON.F.US.ZZ.H26", "2026-03-02T15:00:02Z",
                "CON.F.US.ZZ.H26", "-300.00", "-300.00"));
    }

    // ---- locks, config --------------------------------------------------------------------------

    @Test
    void evaluatesWhileTheAccountIsLocked() {
        RuleScript s = RuleScript.withRules(RULE, "auth_loss_guard: { enabled: true }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").account(ACC, false);
        s.at("15:00:11").quote(EP, "5994.00");   // the flatten's pending close ended at 15:00:11

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(10, ActionKind.LOCK),
                org.assertj.core.groups.Tuple.tuple(10, ActionKind.FLATTEN),
                org.assertj.core.groups.Tuple.tuple(4, ActionKind.CLOSE_POSITION));
        assertThat(ActionJson.toJson(actions.get(2))).isEqualTo(closeOnQuote("2026-03-02T15:00:11Z", "-300.00"));
    }

    @Test
    void itsCloseWinsTheMergeOverLockEnforcementOnTheSameContract() {
        RuleScript s = RuleScript.withRules(RULE, "auth_loss_guard: { enabled: true }");
        s.at("15:00:00").account(ACC, false);
        s.at("15:00:01").quote(EP, "5994.00");
        s.at("15:00:02").position(ACC, EP, LONG, 1, "6000.00");   // locked: opened -> close by RULE-010 too

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(10, ActionKind.LOCK),
                org.assertj.core.groups.Tuple.tuple(10, ActionKind.FLATTEN),
                org.assertj.core.groups.Tuple.tuple(4, ActionKind.CLOSE_POSITION));
        assertThat(ActionJson.toJson(actions.get(2))).isEqualTo(
                close("position:1", "2026-03-02T15:00:02Z", EP_ID, "-300.00", "-300.00"));
    }

    @Test
    void aDisabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules("daily_unrealized_loss: { enabled: false, limit: -300.00 }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5900.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void usesTheDefaultLimitOfMinus300() {
        RuleScript s = RuleScript.withRules("daily_unrealized_loss: { enabled: true }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.25");
        s.at("15:00:02").quote(EP, "5994.00");

        assertThat(json(s.run())).containsExactly(closeOnQuote("2026-03-02T15:00:02Z", "-300.00"));
    }

    @Test
    void writesAnIntegerLimitAsMoneyInTheReason() {
        RuleScript s = RuleScript.withRules("daily_unrealized_loss: { limit: -250 }");
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5995.00");

        assertThat(json(s.run())).containsExactly(
                close("quote:" + EP_ID, "2026-03-02T15:00:01Z", EP_ID, "-250.00", "-250.00"));
    }

    @Test
    void appliesAnAccountOverrideOnlyToThatAccount() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + RULE + "\n"
                + "accounts:\n  \"1001\": { rules: { daily_unrealized_loss: { limit: -100.00 } } }\n");
        s.at("15:00:00").position(1001, EP, LONG, 1, "6000.00");
        s.at("15:00:00").position(2002, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5998.00");

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"1001:RULE-004:CLOSE_POSITION:quote:CON.F.US.EP.H26:2026-03-02T15:00:01Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:01Z\",\"accountId\":1001,\"rule\":\"RULE-004\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.EP.H26\","
                        + "\"reason\":\"unrealized P&L -100.00 on CON.F.US.EP.H26 reached the limit -100.00\","
                        + "\"configVersion\":7}");
    }

    @Test
    void aCloseCarriesTheUnrealizedLossCause() {
        RuleScript s = script();
        s.at("15:00:00").position(ACC, EP, LONG, 1, "6000.00");
        s.at("15:00:01").quote(EP, "5994.00");

        assertThat(s.run()).extracting(Action::kind, Action::cause)
                .containsExactly(tuple(ActionKind.CLOSE_POSITION, DecisionCause.UNREALIZED_LOSS_REACHED));
    }
}
