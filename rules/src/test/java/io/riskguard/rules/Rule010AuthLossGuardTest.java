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
import io.riskguard.rules.RuleTestSupport.SwitchingReplay;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULE-010 auth_loss_guard (RULES.md §2 RULE-010, §5.10). */
class Rule010AuthLossGuardTest {

    private static final long ACCOUNT = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String RULE = "auth_loss_guard: { enabled: true }";
    private static final String LOCKED = "account locked by RULE-010 until canTrade is true: ";

    private static RuleScript script() {
        return RuleScript.withRules(RULE);
    }

    // ---- RULES.md §5.10 ---------------------------------------------------------------------

    @Test
    void reproducesTheWorkedExampleByteForByte() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, true);
        s.at("15:05:00").account(ACCOUNT, false);
        s.at("15:05:30").account(ACCOUNT, false);
        s.at("15:06:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:30:00").account(ACCOUNT, true);

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-010:LOCK:account:2002:2026-03-02T15:05:00Z:0\",\"ts\":\"2026-03-02T15:05:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-010\",\"kind\":\"LOCK\",\"scope\":\"account\",\"until\":null,"
                        + "\"reason\":\"broker reports canTrade=false\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-010:FLATTEN:account:2002:2026-03-02T15:05:00Z:1\",\"ts\":\"2026-03-02T15:05:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-010\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"broker reports canTrade=false\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-010:CLOSE_POSITION:position:1:2026-03-02T15:06:00Z:0\",\"ts\":\"2026-03-02T15:06:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-010\",\"kind\":\"CLOSE_POSITION\","
                        + "\"contractId\":\"CON.F.US.MNQ.H26\",\"reason\":\"account locked by RULE-010 until canTrade is"
                        + " true: position CON.F.US.MNQ.H26 opened\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-010:UNLOCK:account:2002:2026-03-02T15:30:00Z:0\",\"ts\":\"2026-03-02T15:30:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-010\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"broker reports canTrade=true\",\"configVersion\":7}");
    }

    // ---- canTrade transitions ----------------------------------------------------------------

    @Test
    void aFirstAccountEventWithCanTradeFalseLocks() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-010 FLATTEN | broker reports canTrade=false");
    }

    @Test
    void aFirstAccountEventWithCanTradeTrueDoesNothing() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, true);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void repeatedTrueEventsDoNothing() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, true);
        s.at("15:01:00").account(ACCOUNT, true);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void repeatedFalseEventsDoNothing() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:00:30").account(ACCOUNT, false);
        s.at("16:00:00").account(ACCOUNT, false);

        assertThat(s.run()).extracting(Action::ts).containsOnly(Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void trueUnlocks() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:10:00").account(ACCOUNT, true);

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T15:10:00Z RULE-010 UNLOCK | broker reports canTrade=true");
    }

    @Test
    void falseAfterTrueLocksAgain() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:10:00").account(ACCOUNT, true);
        s.at("15:20:00").account(ACCOUNT, false);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-02T15:10:00Z RULE-010 UNLOCK | broker reports canTrade=true",
                "2026-03-02T15:20:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:20:00Z RULE-010 FLATTEN | broker reports canTrade=false");
    }

    @Test
    void afterTheUnlockNewRiskIsNoLongerUndone() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:10:00").account(ACCOUNT, true);
        s.at("15:11:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(s.run()).hasSize(3);
    }

    // ---- the lock ----------------------------------------------------------------------------

    @Test
    void theLockSurvivesDailyResets() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("2026-03-04T15:00:00Z").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-04T15:00:00Z RULE-010 CLOSE_POSITION " + MNQ + " | " + LOCKED + "position " + MNQ + " opened");
    }

    @Test
    void lockEnforcementCancelsANewWorkingOrder() {
        RuleScript s = script();
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1001, "MNQ.H26", 1, BUY, null);

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1001 " + MNQ + " | " + LOCKED + "new order 1001");
        assertThat(actions.get(2).id()).isEqualTo("2002:RULE-010:CANCEL_ORDER:order:1001:2026-03-02T15:01:00Z:0");
    }

    @Test
    void lockEnforcementLeavesAProtectiveStopOfAnOpenPosition() {
        RuleScript s = script();
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1002, "MNQ.H26", 4, SELL, "20990.00");

        assertThat(s.run()).hasSize(2);
    }

    @Test
    void lockEnforcementCancelsAStopOfAContractWithoutAPosition() {
        RuleScript s = script();
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1003, "EP.H26", 4, SELL, "5990.00");

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(2, actions.size()))).containsExactly(
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1003 CON.F.US.EP.H26 | " + LOCKED + "new order 1003");
    }

    @Test
    void locksEvenWhileAnotherRulesLockIsActive() {
        RuleScript s = RuleScript.withRules(RULE,
                "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m } ] }");
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-150.00");
        s.at("15:01:00").account(ACCOUNT, false);

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -150.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -150.00, reaching the tier -100.00",
                "2026-03-02T15:01:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:01:00Z RULE-010 FLATTEN | broker reports canTrade=false");
    }

    // ---- configuration -----------------------------------------------------------------------

    @Test
    void doesNothingWhenDisabled() {
        RuleScript s = RuleScript.withRules("auth_loss_guard: { enabled: false }");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:02:00").account(ACCOUNT, true);

        assertThat(s.run()).isEmpty();
    }

    @Test
    void unlocksOnTrueEvenIfTheRuleHasBeenDisabledSince() {
        SwitchingReplay r = new SwitchingReplay(RULE);
        r.feed(script().at("15:00:00").account(ACCOUNT, false));
        r.use("auth_loss_guard: { enabled: false }");
        r.feed(script().at("15:10:00").account(ACCOUNT, true));

        assertThat(briefs(r.actions())).containsExactly(
                "2026-03-02T15:00:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-02T15:10:00Z RULE-010 UNLOCK | broker reports canTrade=true");
    }

    @Test
    void disablingTheRuleDoesNotEndTheLock() {
        SwitchingReplay r = new SwitchingReplay(RULE);
        r.feed(script().at("15:00:00").account(ACCOUNT, false));
        r.use("auth_loss_guard: { enabled: false }");
        r.feed(script().at("15:10:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00"));

        assertThat(briefs(r.actions())).containsExactly(
                "2026-03-02T15:00:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-02T15:10:00Z RULE-010 CLOSE_POSITION " + MNQ + " | " + LOCKED + "position " + MNQ + " opened");
    }

    @Test
    void theLockItsEnforcementAndItsEndCarryTheirCauses() {
        RuleScript s = script();
        s.at("15:05:00").account(ACCOUNT, false);
        s.at("15:06:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:07:00").order(ACCOUNT, 961, "MNQ.H26", 1, BUY, null);
        s.at("15:30:00").account(ACCOUNT, true);

        assertThat(s.run()).extracting(Action::kind, Action::cause).containsExactly(
                tuple(ActionKind.LOCK, DecisionCause.BROKER_TRADING_DISABLED),
                tuple(ActionKind.FLATTEN, DecisionCause.BROKER_TRADING_DISABLED),
                tuple(ActionKind.CLOSE_POSITION, DecisionCause.POSITION_WHILE_LOCKED),
                tuple(ActionKind.CANCEL_ORDER, DecisionCause.ORDER_WHILE_LOCKED),
                tuple(ActionKind.UNLOCK, DecisionCause.BROKER_TRADING_RESTORED));
    }
}
