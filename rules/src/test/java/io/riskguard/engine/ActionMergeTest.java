package io.riskguard.engine;

import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md §1.9 merging and output order, §1.10 ids, and the interaction example §5.14. */
class ActionMergeTest {

    private static final long ACC = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String ES = "CON.F.US.ES.H26";
    private static final String CL = "CON.F.US.CL.J26";
    private static final int LIMIT = 1;
    private static final int STOP = 4;

    private static final String RULE_003 = "daily_realized_loss: { limit: -500.00 }";
    private static final String RULE_007 = "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, "
            + "{ loss: -200.00, cooldown: 15m } ] }";
    private static final String RULE_006_ORDERS = "trade_frequency_limit: { count: orders, per_minute: 3, "
            + "per_hour: 10, per_session: 50, flatten_on_breach: false }";
    private static final String RULE_012 = "trade_management: { breakeven: { trigger_ticks: 4, offset_ticks: 1 }, "
            + "trailing: { activation_ticks: 8, trail_ticks: 4 } }";

    private static Instant t(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
    }

    private static Action positionAction(int rule, ActionKind kind, DecisionCause cause, long positionId,
            String time, int index, String contract, Long size, String reason) {
        String id = ACC + ":" + Action.ruleId(rule) + ":" + kind + ":position:" + positionId + ":" + t(time) + ":"
                + index;
        return new Action(id, t(time), ACC, rule, kind, null, contract, size, null, null, reason, 7, cause);
    }

    // ---- §5.14 ----

    @Test
    void reproducesTheInteractionExampleOfSection514ByteForByte() {
        RuleScript s = RuleScript.withRules(RULE_003, RULE_007);
        s.at("15:00:00").trade(ACC, 9201, 801, "-520.00");
        s.at("15:05:00").position(ACC, 77, "MNQ.H26", LONG, 1, "21000");
        s.at("23:00:00").clock();

        assertThat(s.run()).extracting(ActionJson::toJson).containsExactly(
                "{\"id\":\"2002:RULE-003:LOCK:trade:9201:2026-03-02T15:00:00Z:0\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T23:00:00Z\","
                        + "\"reason\":\"daily realized P&L -520.00 reached the limit -500.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:LOCK:trade:9201:2026-03-02T15:00:00Z:1\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:15:00Z\","
                        + "\"reason\":\"order 801 lost -520.00, reaching the tier -200.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:FLATTEN:trade:9201:2026-03-02T15:00:00Z:2\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"daily realized P&L -520.00 reached the limit -500.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:CLOSE_POSITION:position:77:2026-03-02T15:05:00Z:0\","
                        + "\"ts\":\"2026-03-02T15:05:00Z\",\"accountId\":2002,\"rule\":\"RULE-003\","
                        + "\"kind\":\"CLOSE_POSITION\",\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"reason\":\"account locked by RULE-003 until 2026-03-02T23:00:00Z: "
                        + "position CON.F.US.MNQ.H26 opened\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:UNLOCK:timer:2026-03-02T15:15:00Z:0\",\"ts\":\"2026-03-02T15:15:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-007 ended at 2026-03-02T15:15:00Z\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0\",\"ts\":\"2026-03-02T23:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-003 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}");
    }

    // ---- FLATTEN ----

    @Test
    void aFlattenReplacesTheClosesAndReductionsOfItsTrigger() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }", "session_block_outside: {}");
        s.at("22:00:00").position(ACC, 77, "MNQ.H26", LONG, 6, "21000"); // 16:00 CST, outside the session

        String reason = "position CON.F.US.MNQ.H26 opened at 2026-03-02 16:00:00 America/Chicago "
                + "is outside the trading session";
        assertThat(s.run()).containsExactly(
                new Action("2002:RULE-009:LOCK:position:77:2026-03-02T22:00:00Z:0", t("22:00:00"), ACC, 9,
                        ActionKind.LOCK, t("2026-03-03T14:30:00Z"), null, null, null, null, reason, 7, DecisionCause.NEW_RISK_OUTSIDE_SESSION),
                new Action("2002:RULE-009:FLATTEN:position:77:2026-03-02T22:00:00Z:1", t("22:00:00"), ACC, 9,
                        ActionKind.FLATTEN, null, null, null, null, null, reason, 7, DecisionCause.NEW_RISK_OUTSIDE_SESSION));
    }

    @Test
    void anEmittedFlattenReplacesTheCancelsOfItsTrigger() {
        RuleScript s = RuleScript.withRules(RULE_006_ORDERS, RULE_007);
        s.at("14:59:00").order(ACC, 611, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:00").trade(ACC, 8001, 701, null);
        s.at("15:00:01").trade(ACC, 8002, 702, null);
        s.at("15:00:02").trade(ACC, 8003, 703, null);
        s.at("15:00:03").trade(ACC, 8004, 704, "-100.00");

        assertThat(s.run()).extracting(Action::id, Action::until).containsExactly(
                tuple("2002:RULE-006:LOCK:trade:8004:2026-03-02T15:00:03Z:0", t("15:01:03")),
                tuple("2002:RULE-007:LOCK:trade:8004:2026-03-02T15:00:03Z:1", t("15:05:03")),
                tuple("2002:RULE-007:FLATTEN:trade:8004:2026-03-02T15:00:03Z:2", null));
    }

    @Test
    void aSuppressedFlattenStillDropsTheCancelsOfItsTrigger() {
        RuleScript s = RuleScript.withRules(RULE_006_ORDERS, RULE_007);
        s.at("14:59:00").order(ACC, 611, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:00").trade(ACC, 8001, 701, "-100.00"); // RULE-007 LOCK + FLATTEN: pending until 15:00:10
        s.at("15:00:01").order(ACC, 611, MNQ, 6, LIMIT, BUY, null); // answers the flatten's cancel of 611
        s.at("15:00:02").trade(ACC, 8002, 702, null);
        s.at("15:00:03").trade(ACC, 8003, 703, null);
        s.at("15:00:04").trade(ACC, 8004, 704, "-200.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::id, Action::until).containsExactly(
                tuple("2002:RULE-007:LOCK:trade:8001:2026-03-02T15:00:00Z:0", t("15:05:00")),
                tuple("2002:RULE-007:FLATTEN:trade:8001:2026-03-02T15:00:00Z:1", null),
                tuple("2002:RULE-006:LOCK:trade:8004:2026-03-02T15:00:04Z:0", t("15:01:04")),
                tuple("2002:RULE-007:LOCK:trade:8004:2026-03-02T15:00:04Z:1", t("15:15:04")));
        assertThat(actions.get(2).reason()).isEqualTo("4 orders in the last 60 s exceed the limit 3");
        assertThat(actions.get(3).reason()).isEqualTo("order 704 lost -200.00, reaching the tier -200.00");
    }

    // ---- one position action per contract ----

    @Test
    void aCloseBeatsAReductionOfTheSameContract() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }", "symbol_blocks: { symbols: [MNQ] }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 6, "21000");

        assertThat(s.run()).containsExactly(positionAction(11, ActionKind.CLOSE_POSITION, DecisionCause.SYMBOL_BLOCKED, 77, "15:00:00", 0, MNQ,
                null, "MNQ is blocked by pattern MNQ"));
    }

    @Test
    void amongClosesTheLowestRuleWins() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5, enforcement: close_position }",
                "symbol_blocks: { symbols: [MNQ] }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 6, "21000");

        assertThat(s.run()).containsExactly(positionAction(1, ActionKind.CLOSE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 77, "15:00:00", 0, MNQ,
                null, "6 contracts (net) exceed the limit 5"));
    }

    @Test
    void aLockEnforcementCloseCompetesByItsRuleNumber() {
        RuleScript s = RuleScript.withRules("auth_loss_guard: {}", "symbol_blocks: { symbols: [MNQ] }");
        s.at("15:00:00").account(ACC, false);
        s.at("15:00:30").position(ACC, 77, MNQ, LONG, 1, "21000");

        List<Action> actions = s.run();
        assertThat(actions).hasSize(3);
        assertThat(actions.get(2)).isEqualTo(positionAction(10, ActionKind.CLOSE_POSITION, DecisionCause.POSITION_WHILE_LOCKED, 77, "15:00:30", 0, MNQ,
                null, "account locked by RULE-010 until canTrade is true: position CON.F.US.MNQ.H26 opened"));
    }

    @Test
    void amongReductionsTheLargestSizeWins() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }",
                "max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 3 } }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 6, "21000");

        assertThat(s.run()).containsExactly(positionAction(2, ActionKind.REDUCE_POSITION, DecisionCause.INSTRUMENT_CONTRACTS_EXCEEDED, 77, "15:00:00", 0, MNQ,
                3L, "MNQ holds 6 contracts, above the limit 3"));
    }

    @Test
    void amongEqualReductionsTheLowestRuleWins() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }",
                "max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 5 } }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 7, "21000");

        assertThat(s.run()).containsExactly(positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 77, "15:00:00", 0, MNQ,
                2L, "7 contracts (net) exceed the limit 5"));
    }

    // ---- MODIFY_STOP ----

    /** MNQ long 1 @ 21000 with stop 1201 @ 20990; a quote of 21005 is 20 ticks of profit (10.00 USD). */
    private static RuleScript managedLong(String... rules) {
        RuleScript s = RuleScript.withRules(rules);
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:10").quote(MNQ, "21005.00");
        return s;
    }

    @Test
    void aStopModificationIsEmittedWhenNothingCloses() {
        RuleScript s = managedLong(RULE_012, "max_unrealized_profit: { target: 500.00 }");

        assertThat(s.run()).extracting(ActionJson::toJson).containsExactly(
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:10Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:10Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21004,"
                        + "\"reason\":\"trailing stop for CON.F.US.MNQ.H26: 20990 -> 21004 (profit 20 ticks)\","
                        + "\"configVersion\":7}");
    }

    @Test
    void aStopModificationIsDroppedWhenItsContractHasACloseCandidate() {
        RuleScript s = managedLong(RULE_012, "max_unrealized_profit: { target: 10.00 }");

        assertThat(s.run()).containsExactly(new Action(
                "2002:RULE-005:CLOSE_POSITION:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:10Z:0", t("15:00:10"), ACC, 5,
                ActionKind.CLOSE_POSITION, null, MNQ, null, null, null,
                "unrealized P&L 10.00 on CON.F.US.MNQ.H26 reached the target 10.00", 7, DecisionCause.UNREALIZED_PROFIT_REACHED));
    }

    // ---- emission order ----

    @Test
    void positionActionsAreOrderedByRuleBeforeContractId() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }", "symbol_blocks: { symbols: [CL] }");
        s.at("15:00:00").position(ACC, 51, CL, LONG, 1, "70.00");
        s.at("15:00:20").position(ACC, 52, MNQ, LONG, 7, "21000");
        // CL flips to short: net 7 - 1 = 6; CL is now on the hedge side, so RULE-001 reduces MNQ
        s.at("15:00:40").position(ACC, 51, CL, SHORT, 1, "70.00");

        assertThat(s.run()).containsExactly(
                positionAction(11, ActionKind.CLOSE_POSITION, DecisionCause.SYMBOL_BLOCKED, 51, "15:00:00", 0, CL, null,
                        "CL is blocked by pattern CL"),
                positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 52, "15:00:20", 0, MNQ, 3L,
                        "8 contracts (net) exceed the limit 5"),
                positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 51, "15:00:40", 0, MNQ, 1L,
                        "6 contracts (net) exceed the limit 5"),
                positionAction(11, ActionKind.CLOSE_POSITION, DecisionCause.SYMBOL_BLOCKED, 51, "15:00:40", 1, CL, null,
                        "CL is blocked by pattern CL"));
    }

    @Test
    void cancelsOfOneRuleAreOrderedByOrderId() {
        RuleScript s = RuleScript.withRules(RULE_006_ORDERS);
        s.at("14:58:00").order(ACC, 612, MNQ, 1, LIMIT, BUY, null);
        s.at("14:59:00").order(ACC, 611, ES, 1, LIMIT, BUY, null);
        s.at("15:00:00").trade(ACC, 8001, 701, null);
        s.at("15:00:01").trade(ACC, 8002, 702, null);
        s.at("15:00:02").trade(ACC, 8003, 703, null);
        s.at("15:00:03").trade(ACC, 8004, 704, null);

        assertThat(s.run()).extracting(Action::id, Action::orderId, Action::contractId).containsExactly(
                tuple("2002:RULE-006:LOCK:trade:8004:2026-03-02T15:00:03Z:0", null, null),
                tuple("2002:RULE-006:CANCEL_ORDER:trade:8004:2026-03-02T15:00:03Z:1", 611L, ES),
                tuple("2002:RULE-006:CANCEL_ORDER:trade:8004:2026-03-02T15:00:03Z:2", 612L, MNQ));
    }

    @Test
    void unlocksOfOneTimerInstantAreOrderedByRuleAndIndexedInOrder() {
        RuleScript s = RuleScript.withRules(RULE_003,
                "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: until_reset } ] }");
        s.at("15:00:00").trade(ACC, 9201, 801, "-520.00");
        s.at("23:00:00").clock();

        assertThat(s.run()).extracting(Action::id, Action::until).containsExactly(
                tuple("2002:RULE-003:LOCK:trade:9201:2026-03-02T15:00:00Z:0", t("23:00:00")),
                tuple("2002:RULE-007:LOCK:trade:9201:2026-03-02T15:00:00Z:1", t("23:00:00")),
                tuple("2002:RULE-003:FLATTEN:trade:9201:2026-03-02T15:00:00Z:2", null),
                tuple("2002:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0", null),
                tuple("2002:RULE-007:UNLOCK:timer:2026-03-02T23:00:00Z:1", null));
    }

    // ---- ids: a second trigger with the same source continues the index ----

    @Test
    void twoQuotesOfOneContractAtTheSameTsContinueTheIndex() {
        RuleScript s = RuleScript.withRules(RULE_012);
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 1, "21000.00");
        s.at("15:00:01").order(ACC, 1201, MNQ, STOP, SELL, "20990.00");
        s.at("15:00:10").quote(MNQ, "21001.00");
        s.at("15:00:10").quote(MNQ, "21003.00");

        assertThat(s.run()).extracting(ActionJson::toJson).containsExactly(
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:10Z:0\","
                        + "\"ts\":\"2026-03-02T15:00:10Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21000.25,"
                        + "\"reason\":\"break-even stop for CON.F.US.MNQ.H26: 20990 -> 21000.25 (profit 4 ticks)\","
                        + "\"configVersion\":7}",
                "{\"id\":\"2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:10Z:1\","
                        + "\"ts\":\"2026-03-02T15:00:10Z\",\"accountId\":2002,\"rule\":\"RULE-012\","
                        + "\"kind\":\"MODIFY_STOP\",\"orderId\":1201,\"contractId\":\"CON.F.US.MNQ.H26\","
                        + "\"stopPrice\":21002,"
                        + "\"reason\":\"trailing stop for CON.F.US.MNQ.H26: 20990 -> 21002 (profit 12 ticks)\","
                        + "\"configVersion\":7}");
    }

    @Test
    void twoEventsOfOnePositionIdAtTheSameTsContinueTheIndex() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 6, "21000");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 7, "21000");

        assertThat(s.run()).containsExactly(
                positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 77, "15:00:00", 0, MNQ, 1L,
                        "6 contracts (net) exceed the limit 5"),
                positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 77, "15:00:00", 1, MNQ, 2L,
                        "7 contracts (net) exceed the limit 5"));
    }

    @Test
    void differentSourcesAtTheSameTsEachStartAtIndexZero() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }");
        s.at("15:00:00").position(ACC, 77, MNQ, LONG, 6, "21000");
        s.at("15:00:00").position(ACC, 78, ES, LONG, 1, "6000");

        assertThat(s.run()).containsExactly(
                positionAction(1, ActionKind.REDUCE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 77, "15:00:00", 0, MNQ, 1L,
                        "6 contracts (net) exceed the limit 5"),
                positionAction(1, ActionKind.CLOSE_POSITION, DecisionCause.MAX_CONTRACTS_EXCEEDED, 78, "15:00:00", 0, ES, null,
                        "6 contracts (net) exceed the limit 5"));
    }
}
