package io.riskguard.rules;

import static io.riskguard.rules.RuleTestSupport.briefs;
import static io.riskguard.rules.RuleTestSupport.json;
import static io.riskguard.testing.RuleScript.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULE-007 cooldown_after_loss (RULES.md §2 RULE-007, §5.7). */
class Rule007CooldownAfterLossTest {

    private static final long ACCOUNT = 2002;

    private static final String TIERS =
            "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, { loss: -200.00, cooldown: 15m } ] }";

    private static RuleScript script() {
        return RuleScript.withRules(TIERS);
    }

    // ---- RULES.md §5.7 ----------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-60.00");
        s.at("15:00:01").trade(ACCOUNT, 8002, 701, "-50.00");
        s.at("15:00:02").trade(ACCOUNT, 8003, 701, "-95.00");
        s.at("15:01:00").trade(ACCOUNT, 8004, 702, "-150.00");
        s.at("15:20:00").clock();

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-007:LOCK:trade:8002:2026-03-02T15:00:01Z:0\",\"ts\":\"2026-03-02T15:00:01Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:05:01Z\","
                        + "\"reason\":\"order 701 lost -110.00, reaching the tier -100.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:FLATTEN:trade:8002:2026-03-02T15:00:01Z:1\",\"ts\":\"2026-03-02T15:00:01Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"order 701 lost -110.00, reaching the tier -100.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:LOCK:trade:8003:2026-03-02T15:00:02Z:0\",\"ts\":\"2026-03-02T15:00:02Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:15:02Z\","
                        + "\"reason\":\"order 701 lost -205.00, reaching the tier -200.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:UNLOCK:timer:2026-03-02T15:15:02Z:0\",\"ts\":\"2026-03-02T15:15:02Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-007 ended at 2026-03-02T15:15:02Z\",\"configVersion\":7}");
    }

    // ---- tiers -------------------------------------------------------------------------------

    @Test
    void aLossExactlyAtTheTierFires() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-100.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -100.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -100.00, reaching the tier -100.00");
    }

    @Test
    void aLossOneCentShortOfTheTierDoesNothing() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-99.99");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void theOrderLossSumsTheFillsOfTheOrder() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-40.00");
        s.at("15:00:10").trade(ACCOUNT, 8002, 702, "-90.00");
        s.at("15:00:20").trade(ACCOUNT, 8003, 701, "-60.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:20Z RULE-007 LOCK until=2026-03-02T15:05:20Z | order 701 lost -100.00, reaching the tier -100.00",
                "2026-03-02T15:00:20Z RULE-007 FLATTEN | order 701 lost -100.00, reaching the tier -100.00");
    }

    @Test
    void firesOnlyTheMostSevereApplicableTier() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-250.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:15:00Z | order 701 lost -250.00, reaching the tier -200.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -250.00, reaching the tier -200.00");
    }

    @Test
    void ranksTiersByLossWhateverTheirListOrder() {
        RuleScript s = RuleScript.withRules(
                "cooldown_after_loss: { tiers: [ { loss: -200.00, cooldown: 15m }, { loss: -100.00, cooldown: 5m } ] }");
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-150.00");
        s.at("15:10:00").trade(ACCOUNT, 8002, 702, "-200.00");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -150.00, reaching the tier -100.00",
                "2026-03-02T15:10:00Z RULE-007 LOCK until=2026-03-02T15:25:00Z | order 702 lost -200.00, reaching the tier -200.00");
    }

    @Test
    void formatsTheLossWithTwoDecimalsRoundedHalfUp() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-100.005");

        assertThat(s.run()).extracting(Action::reason)
                .containsOnly("order 701 lost -100.01, reaching the tier -100.00");
    }

    @Test
    void anUntilResetTierLocksUntilTheNextReset() {
        RuleScript s = RuleScript.withRules(
                "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, { loss: -200.00, cooldown: until_reset } ] }");
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-200.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T23:00:00Z | order 701 lost -200.00, reaching the tier -200.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -200.00, reaching the tier -200.00");
    }

    // ---- memory of fired tiers ---------------------------------------------------------------

    @Test
    void anOrderFiresATierOnlyOnce() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:10:00").trade(ACCOUNT, 8002, 701, "-10.00");   // lock over; L = -120, tier -100 already fired

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z");
    }

    @Test
    void aLessSevereTierNeverFiresAfterAMoreSevereOne() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-250.00");
        s.at("15:20:00").trade(ACCOUNT, 8002, 701, "100.00");   // L = -150: tier -100 applies, -200 already fired
        s.at("15:21:00").trade(ACCOUNT, 8003, 701, "-1.00");    // L = -151

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:15:00Z | order 701 lost -250.00, reaching the tier -200.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -250.00, reaching the tier -200.00",
                "2026-03-02T15:15:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:15:00Z");
    }

    @Test
    void aTierThatDoesNotExtendTheLockIsStillRememberedAsFired() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-250.00");   // lock until 15:15:00
        s.at("15:01:00").trade(ACCOUNT, 8002, 702, "-150.00");   // tier -100 for 702: 15:06:00 not later, nothing
        s.at("15:20:00").trade(ACCOUNT, 8003, 702, "-10.00");    // lock over; tier -100 already fired for 702

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:15:00Z | order 701 lost -250.00, reaching the tier -200.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -250.00, reaching the tier -200.00",
                "2026-03-02T15:15:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:15:00Z");
    }

    @Test
    void differentOrdersHaveTheirOwnTiers() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:10:00").trade(ACCOUNT, 8002, 702, "-110.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z",
                "2026-03-02T15:10:00Z RULE-007 LOCK until=2026-03-02T15:15:00Z | order 702 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:10:00Z RULE-007 FLATTEN | order 702 lost -110.00, reaching the tier -100.00");
    }

    @Test
    void anotherOrdersMoreSevereTierExtendsTheLock() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");   // until 15:05:00
        s.at("15:01:00").trade(ACCOUNT, 8002, 702, "-210.00");   // until 15:16:00, later

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:01:00Z RULE-007 LOCK until=2026-03-02T15:16:00Z | order 702 lost -210.00, reaching the tier -200.00",
                "2026-03-02T15:01:00Z RULE-007 FLATTEN | order 702 lost -210.00, reaching the tier -200.00");
    }

    // ---- extension and the pending flatten ---------------------------------------------------

    @Test
    void anExtensionWithinTenSecondsOfTheFlattenEmitsOnlyTheLock() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:00:09.999").trade(ACCOUNT, 8002, 701, "-100.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:09.999Z RULE-007 LOCK until=2026-03-02T15:15:09.999Z | order 701 lost -210.00, reaching the tier -200.00");
    }

    @Test
    void anExtensionAfterThePendingFlattenExpiredFlattensAgain() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:00:10").trade(ACCOUNT, 8002, 701, "-100.00");   // t >= expires (15:00:10): pending ended

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:10Z RULE-007 LOCK until=2026-03-02T15:15:10Z | order 701 lost -210.00, reaching the tier -200.00",
                "2026-03-02T15:00:10Z RULE-007 FLATTEN | order 701 lost -210.00, reaching the tier -200.00");
    }

    @Test
    void aPositionEventEndsThePendingFlattenSoAnExtensionFlattensAgain() {
        RuleScript s = script();
        s.at("15:00:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:01").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:00:02").closePosition(ACCOUNT, "MNQ.H26");
        s.at("15:00:03").trade(ACCOUNT, 8002, 701, "-100.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:01Z RULE-007 LOCK until=2026-03-02T15:05:01Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:01Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:03Z RULE-007 LOCK until=2026-03-02T15:15:03Z | order 701 lost -210.00, reaching the tier -200.00",
                "2026-03-02T15:00:03Z RULE-007 FLATTEN | order 701 lost -210.00, reaching the tier -200.00");
    }

    // ---- what never matches ------------------------------------------------------------------

    @Test
    void aProfitNeverMatches() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "250.00");
        s.at("15:00:10").trade(ACCOUNT, 8002, 702, "0.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anOpeningFillWithoutProfitAndLossIsIgnored() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-99.99");
        s.at("15:00:10").trade(ACCOUNT, 8002, 701, null);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anOpeningFillDoesNotCountTowardsTheOrderLoss() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, null);
        s.at("15:00:10").trade(ACCOUNT, 8002, 701, "-100.00");

        assertThat(s.run()).extracting(Action::reason)
                .containsOnly("order 701 lost -100.00, reaching the tier -100.00");
    }

    @Test
    void aTradeFirstSeenVoidedIsNotCounted() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-150.00", "0", true);
        s.at("15:00:10").trade(ACCOUNT, 8002, 701, "-60.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- voids -------------------------------------------------------------------------------

    @Test
    void aVoidNeverUnlocks() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:01:00").trade(ACCOUNT, 8001, 701, "-110.00", "0", true);
        s.at("15:02:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:06:00").clock();

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:02:00Z RULE-007 CLOSE_POSITION CON.F.US.MNQ.H26"
                        + " | account locked by RULE-007 until 2026-03-02T15:05:00Z: position CON.F.US.MNQ.H26 opened",
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z");
    }

    @Test
    void voidingAProfitLowersTheOrderLossWithoutTriggering() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "50.00");
        s.at("15:00:10").trade(ACCOUNT, 8002, 701, "-140.00");               // L = -90
        s.at("15:00:20").trade(ACCOUNT, 8001, 701, "50.00", "0", true);      // L = -140, the void triggers nothing
        s.at("15:00:30").trade(ACCOUNT, 8003, 701, "-1.00");                 // L = -141

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:30Z RULE-007 LOCK until=2026-03-02T15:05:30Z | order 701 lost -141.00, reaching the tier -100.00",
                "2026-03-02T15:00:30Z RULE-007 FLATTEN | order 701 lost -141.00, reaching the tier -100.00");
    }

    @Test
    void voidingALossRaisesTheOrderLoss() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-90.00");
        s.at("15:00:10").trade(ACCOUNT, 8001, 701, "-90.00", "0", true);     // L = 0
        s.at("15:00:20").trade(ACCOUNT, 8002, 701, "-20.00");                // L = -20

        assertThat(s.run()).isEmpty();
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = RuleScript.withRules("cooldown_after_loss: { enabled: false }");
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-500.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void usesTheDefaultTiersWhenNoneAreGiven() {
        RuleScript s = RuleScript.withRules("cooldown_after_loss: { enabled: true }");
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-200.00");

        assertThat(briefs(s.run(ActionKind.LOCK))).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:15:00Z | order 701 lost -200.00, reaching the tier -200.00");
    }

    @Test
    void anAccountOverrideReplacesTheTierList() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + TIERS + "\n"
                + "accounts:\n  \"1001\": { rules: { cooldown_after_loss: { tiers: [ { loss: -50.00, cooldown: 1m } ] } } }\n");
        s.at("15:00:00").trade(1001, 8001, 701, "-60.00");
        s.trade(ACCOUNT, 8002, 702, "-60.00");
        s.at("15:00:10").trade(1001, 8003, 703, "-250.00");

        List<Action> actions = s.run();

        assertThat(actions).extracting(Action::accountId).containsOnly(1001L);
        assertThat(briefs(actions)).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:01:00Z | order 701 lost -60.00, reaching the tier -50.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -60.00, reaching the tier -50.00",
                "2026-03-02T15:00:10Z RULE-007 LOCK until=2026-03-02T15:01:10Z | order 703 lost -250.00, reaching the tier -50.00",
                "2026-03-02T15:00:10Z RULE-007 FLATTEN | order 703 lost -250.00, reaching the tier -50.00");
    }

    @Test
    void theLockAndFlattenCarryTheLossTierCauseAndTheirExpiryTheExpiredCause() {
        RuleScript s = script();
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-100.00");
        s.at("15:10:00").clock();

        assertThat(s.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.LOCK, DecisionCause.ORDER_LOSS_TIER_REACHED),
                tuple(ActionKind.FLATTEN, DecisionCause.ORDER_LOSS_TIER_REACHED),
                tuple(ActionKind.UNLOCK, DecisionCause.LOCK_EXPIRED));
    }
}
