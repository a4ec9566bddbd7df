package io.riskguard.rules;

import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md §2 RULE-001 max_contracts and the worked example §5.1. */
class Rule001MaxContractsTest {

    private static final long ACC = 2002;
    private static final String NET = "max_contracts: { limit: 5, count: net, enforcement: reduce_to_limit }";
    private static final String GROSS = "max_contracts: { limit: 5, count: gross, enforcement: reduce_to_limit }";
    private static final String NET_CLOSE = "max_contracts: { limit: 5, count: net, enforcement: close_position }";

    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String ES = "CON.F.US.ES.H26";
    private static final String NQ = "CON.F.US.NQ.H26";
    private static final String YM = "CON.F.US.YM.H26";

    // position ids (data.id), used in action ids
    private static final long P_MNQ = 101;
    private static final long P_ES = 102;
    private static final long P_NQ = 103;
    private static final long P_YM = 104;

    private static Instant t(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
    }

    private static String id(String kind, long positionId, String time, int index) {
        return ACC + ":RULE-001:" + kind + ":position:" + positionId + ":" + t(time) + ":" + index;
    }

    private static Action reduce(long positionId, String time, int index, String contract, long size, String reason) {
        return new Action(id("REDUCE_POSITION", positionId, time, index), t(time), ACC, 1,
                ActionKind.REDUCE_POSITION, null, contract, size, null, null, reason, 7, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    }

    private static Action close(long positionId, String time, int index, String contract, String reason) {
        return new Action(id("CLOSE_POSITION", positionId, time, index), t(time), ACC, 1,
                ActionKind.CLOSE_POSITION, null, contract, null, null, null, reason, 7, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    }

    private static String net(int count) {
        return count + " contracts (net) exceed the limit 5";
    }

    private static String gross(int count) {
        return count + " contracts (gross) exceed the limit 5";
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    // ---- §5.1 worked example ----

    private static RuleScript example51(String rule) {
        RuleScript s = RuleScript.withRules(rule);
        s.at("15:00:00").position(ACC, 11, "CON.F.US.EP.H26", LONG, 2, "6000");
        s.at("15:01:00").position(ACC, 12, "MNQ.H26", LONG, 3, "21000");
        s.at("15:02:00").position(ACC, 13, "CON.F.US.ENQ.H26", SHORT, 1, "21050");
        return s;
    }

    @Test
    void reproducesTheWorkedExampleOfSection51ByteForByte() {
        RuleScript s = example51(NET);
        s.at("15:03:00").position(ACC, 12, "MNQ.H26", LONG, 5, "21001");
        s.at("15:03:01").position(ACC, 12, "MNQ.H26", LONG, 4, "21001");
        s.at("15:04:00").position(ACC, 13, "CON.F.US.ENQ.H26", 0, 0, "0");

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-001:REDUCE_POSITION:position:12:2026-03-02T15:03:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:03:00Z\",\"accountId\":2002,\"rule\":\"RULE-001\","
                        + "\"kind\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H26\",\"size\":1,"
                        + "\"reason\":\"6 contracts (net) exceed the limit 5\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-001:REDUCE_POSITION:position:13:2026-03-02T15:04:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:04:00Z\",\"accountId\":2002,\"rule\":\"RULE-001\","
                        + "\"kind\":\"REDUCE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H26\",\"size\":1,"
                        + "\"reason\":\"6 contracts (net) exceed the limit 5\",\"configVersion\":7}");
    }

    @Test
    void grossVariantOfTheWorkedExampleClosesTheShortAtEventThree() {
        RuleScript s = example51(GROSS);

        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-001:CLOSE_POSITION:position:13:2026-03-02T15:02:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:02:00Z\",\"accountId\":2002,\"rule\":\"RULE-001\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.ENQ.H26\","
                        + "\"reason\":\"6 contracts (gross) exceed the limit 5\",\"configVersion\":7}");
    }

    // ---- count and boundary ----

    @Test
    void doesNotBreachAtExactlyTheLimit() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 3, "21000");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void reducesByTheExcessOneContractAboveTheLimit() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");

        assertThat(s.run()).containsExactly(reduce(P_MNQ, "15:00:00", 0, MNQ, 1, net(6)));
    }

    @Test
    void underNetOppositePositionsHedgeEachOther() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 3, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").position(ACC, P_MNQ, MNQ, LONG, 8, "21000");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void underGrossEveryContractCountsWhateverItsDirection() {
        RuleScript s = RuleScript.withRules(GROSS);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 3, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 3, "21000");

        assertThat(s.run()).containsExactly(reduce(P_MNQ, "15:00:01", 0, MNQ, 1, gross(6)));
    }

    @Test
    void defaultsAreLimitFiveNetAndReduceToLimit() {
        RuleScript s = RuleScript.withRules("max_contracts: {}");
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 1, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");
        s.at("15:00:02").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");

        assertThat(s.run()).containsExactly(reduce(P_MNQ, "15:00:02", 0, MNQ, 1, net(6)));
    }

    @Test
    void disabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules("max_contracts: { enabled: false, limit: 5 }");
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 9, "21000");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anAccountOverrideOfTheLimitAppliesToThatAccountOnly() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + NET + "\n"
                + "accounts:\n  \"1001\": { rules: { max_contracts: { limit: 2 } } }\n");
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 3, "21000");
        s.at("15:00:01").position(1001, P_MNQ, MNQ, LONG, 3, "21000");

        assertThat(s.run()).containsExactly(new Action(
                "1001:RULE-001:REDUCE_POSITION:position:101:2026-03-02T15:00:01Z:0", t("15:00:01"), 1001, 1,
                ActionKind.REDUCE_POSITION, null, MNQ, 1L, null, null, "3 contracts (net) exceed the limit 2", 7, DecisionCause.MAX_CONTRACTS_EXCEEDED));
    }

    // ---- eligibility and reduce_to_limit walk ----

    @Test
    void reducingAHedgeLegCanBreachUnderNetAndTheHedgeIsNotEligible() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").position(ACC, P_ES, ES, SHORT, 1, "6000");

        assertThat(s.run()).containsExactly(reduce(P_ES, "15:00:02", 0, MNQ, 1, net(6)));
    }

    @Test
    void whenTheEventClosesTheContractReductionsGoToTheOtherEligiblePositions() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").position(ACC, P_ES, ES, 0, 0, "0");

        assertThat(s.run()).containsExactly(reduce(P_ES, "15:00:02", 0, MNQ, 2, net(7)));
    }

    @Test
    void walksTheTriggeringContractFirstEvenWhenOthersAreLarger() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 4, "6000");
        s.at("15:00:01").position(ACC, P_YM, YM, SHORT, 4, "40000");
        s.at("15:00:02").position(ACC, P_NQ, NQ, LONG, 4, "21000");
        s.at("15:00:03").position(ACC, P_MNQ, MNQ, LONG, 2, "21000");

        assertThat(s.run()).containsExactly(reduce(P_MNQ, "15:00:03", 0, MNQ, 1, net(6)));
    }

    @Test
    void afterTheTriggeringContractWalksBySizeDescendingThenContractIdAscending() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 3, "6000");
        s.at("15:00:01").position(ACC, P_NQ, NQ, LONG, 3, "21000");
        // 6 > 5: NQ reduced by 1, pending until 15:00:11; the broker never answers
        s.at("15:00:30").position(ACC, P_MNQ, MNQ, LONG, 1, "21000");

        // net 7, excess 2: MNQ (c) closes 1, then ES 3 and NQ 3 tie -> ES (contractId order) reduces 1
        assertThat(s.run()).containsExactly(
                reduce(P_NQ, "15:00:01", 0, NQ, 1, net(6)),
                reduce(P_MNQ, "15:00:30", 0, ES, 1, net(7)),
                close(P_MNQ, "15:00:30", 1, MNQ, net(7)));
    }

    @Test
    void largerPositionsAreReducedBeforeSmallerOnesAndTiesGoByContractId() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 3, "6000");
        s.at("15:00:01").position(ACC, P_YM, YM, SHORT, 5, "40000");
        s.at("15:00:02").position(ACC, P_MNQ, MNQ, LONG, 3, "21000");
        s.at("15:00:03").position(ACC, P_NQ, NQ, LONG, 4, "21000");
        s.at("15:00:04").position(ACC, P_YM, YM, 0, 0, "0");

        // net 10, excess 5: NQ 4 closes, then ES 3 / MNQ 3 tie -> ES reduced by 1; output by contractId
        assertThat(s.run()).containsExactly(
                reduce(P_YM, "15:00:04", 0, ES, 1, net(10)),
                close(P_YM, "15:00:04", 1, NQ, net(10)));
    }

    @Test
    void aFlipUsesTheNewDirection() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 3, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 4, "21000");
        s.at("15:00:02").position(ACC, P_ES, ES, LONG, 3, "6001");

        assertThat(s.run()).containsExactly(reduce(P_ES, "15:00:02", 0, ES, 2, net(7)));
    }

    // ---- close_position ----

    @Test
    void closePositionEnforcementClosesTheTriggeringContract() {
        RuleScript s = RuleScript.withRules(NET_CLOSE);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 3, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 3, "21000");

        assertThat(s.run()).containsExactly(close(P_MNQ, "15:00:01", 0, MNQ, net(6)));
    }

    @Test
    void closePositionFallsBackToReductionsWhenTheTriggeringContractIsNotEligible() {
        RuleScript s = RuleScript.withRules(NET_CLOSE);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").position(ACC, P_ES, ES, SHORT, 1, "6000");

        assertThat(s.run()).containsExactly(reduce(P_ES, "15:00:02", 0, MNQ, 1, net(6)));
    }

    @Test
    void closePositionFallsBackToReductionsWhenTheEventClosesTheContract() {
        RuleScript s = RuleScript.withRules(NET_CLOSE);
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").position(ACC, P_ES, ES, 0, 0, "0");

        assertThat(s.run()).containsExactly(reduce(P_ES, "15:00:02", 0, MNQ, 2, net(7)));
    }

    @Test
    void closePositionMayOvershootToTheOtherSideAndTheNextPositionEventReEvaluates() {
        RuleScript s = RuleScript.withRules(NET_CLOSE);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 5, "21000");
        s.at("15:00:01").position(ACC, P_ES, ES, SHORT, 7, "6000");
        s.at("15:00:02").position(ACC, P_MNQ, MNQ, LONG, 12, "21000");
        s.at("15:00:03").position(ACC, P_MNQ, MNQ, LONG, 13, "21000");
        s.at("15:00:04").position(ACC, P_MNQ, MNQ, 0, 0, "0");

        assertThat(s.run()).containsExactly(
                close(P_MNQ, "15:00:03", 0, MNQ, net(6)),
                reduce(P_MNQ, "15:00:04", 0, ES, 2, net(7)));
    }

    // ---- re-evaluation and pending reductions ----

    @Test
    void anAveragePriceOnlyUpdateReEmitsWhileTheBreachStands() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");
        s.at("15:00:02").position(ACC, P_MNQ, MNQ, LONG, 6, "21000.25");

        assertThat(s.run()).containsExactly(
                reduce(P_MNQ, "15:00:00", 0, MNQ, 1, net(6)),
                reduce(P_MNQ, "15:00:02", 0, MNQ, 1, net(6)));
    }

    @Test
    void anIdenticalPositionEventIsADuplicateAndDoesNotReEmit() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");
        s.at("15:00:30").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");

        assertThat(s.run()).containsExactly(reduce(P_MNQ, "15:00:00", 0, MNQ, 1, net(6)));
    }

    @Test
    void pendingReductionsAreSubtractedFromTheCount() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");
        s.at("15:00:05").position(ACC, P_ES, ES, LONG, 1, "6000");

        // MNQ effective 5 (pending target) + ES 1 = 6: only ES, not MNQ again
        assertThat(s.run()).containsExactly(
                reduce(P_MNQ, "15:00:00", 0, MNQ, 1, net(6)),
                close(P_ES, "15:00:05", 0, ES, net(6)));
    }

    @Test
    void aPendingReductionNoLongerCountsAtExactlyTenSeconds() {
        RuleScript s = RuleScript.withRules(NET);
        s.at("15:00:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");
        s.at("15:00:10").position(ACC, P_ES, ES, LONG, 1, "6000");

        assertThat(s.run()).containsExactly(
                reduce(P_MNQ, "15:00:00", 0, MNQ, 1, net(6)),
                close(P_ES, "15:00:10", 0, ES, net(7)),
                reduce(P_ES, "15:00:10", 1, MNQ, 1, net(7)));
    }

    // ---- while locked ----

    @Test
    void whileLockedTheLockEnforcementCloseWinsOverTheReduction() {
        RuleScript s = RuleScript.withRules(NET, "auth_loss_guard: {}");
        s.at("15:00:00").account(ACC, false);
        s.at("15:01:00").position(ACC, P_MNQ, MNQ, LONG, 6, "21000");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind)
                .containsExactly(ActionKind.LOCK, ActionKind.FLATTEN, ActionKind.CLOSE_POSITION);
        assertThat(actions.get(2)).isEqualTo(new Action(
                "2002:RULE-010:CLOSE_POSITION:position:101:2026-03-02T15:01:00Z:0", t("15:01:00"), ACC, 10,
                ActionKind.CLOSE_POSITION, null, MNQ, null, null, null,
                "account locked by RULE-010 until canTrade is true: position CON.F.US.MNQ.H26 opened", 7, DecisionCause.POSITION_WHILE_LOCKED));
    }

    @Test
    void whileLockedTheRuleStillEvaluates() {
        RuleScript s = RuleScript.withRules(NET, "auth_loss_guard: {}");
        s.at("15:00:00").position(ACC, P_ES, ES, SHORT, 2, "6000");
        s.at("15:00:01").position(ACC, P_MNQ, MNQ, LONG, 7, "21000");
        s.at("15:00:02").account(ACC, false);
        s.at("15:00:30").position(ACC, P_ES, ES, SHORT, 1, "6000");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind)
                .containsExactly(ActionKind.LOCK, ActionKind.FLATTEN, ActionKind.REDUCE_POSITION);
        assertThat(actions.get(2)).isEqualTo(reduce(P_ES, "15:00:30", 0, MNQ, 1, net(6)));
    }
}
