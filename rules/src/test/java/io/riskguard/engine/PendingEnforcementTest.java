package io.riskguard.engine;

import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.testing.RuleScript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md §1.7 pending enforcement: what is in flight is not repeated; records end on answers or after 10 s. */
class PendingEnforcementTest {

    private static final long ACC = 2002;
    private static final String ES = "CON.F.US.ES.H26";
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final long P_ES = 41;
    private static final String RULE_004 = "daily_unrealized_loss: { limit: -300.00 }";
    private static final String RULE_006 = "trade_frequency_limit: { count: entries, per_minute: 3, per_hour: 10, "
            + "per_session: 50, flatten_on_breach: false }";
    private static final String RULE_007 = "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, "
            + "{ loss: -200.00, cooldown: 15m } ] }";
    private static final int LIMIT = 1;

    private static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    /** ES long 1 @ 6000 (50 USD per point): a quote of 5994 is exactly the RULE-004 limit -300. */
    private static RuleScript esLong(String... rules) {
        RuleScript s = RuleScript.withRules(rules);
        s.at("15:00:00").position(ACC, P_ES, ES, LONG, 1, "6000.00");
        return s;
    }

    private static Action quoteClose(String time, String u) {
        return new Action(ACC + ":RULE-004:CLOSE_POSITION:quote:" + ES + ":" + t(time) + ":0", t(time), ACC, 4,
                ActionKind.CLOSE_POSITION, null, ES, null, null, null,
                "unrealized P&L " + u + " on " + ES + " reached the limit -300.00", 7, DecisionCause.UNREALIZED_LOSS_REACHED);
    }

    // ---- pending[c] of a close ----

    @Test
    void aRepeatCloseIsSuppressedForTenSeconds() {
        RuleScript s = esLong(RULE_004);
        s.at("15:00:01").quote(ES, "5994.00");
        s.at("15:00:05").quote(ES, "5990.00");
        s.at("15:00:10.999").quote(ES, "5990.00");

        assertThat(s.run()).containsExactly(quoteClose("15:00:01", "-300.00"));
    }

    @Test
    void thePendingCloseExpiresAtExactlyItsTriggerTsPlusTenSeconds() {
        RuleScript s = esLong(RULE_004);
        s.at("15:00:01").quote(ES, "5994.00");
        s.at("15:00:11").quote(ES, "5990.00");

        assertThat(s.run()).containsExactly(
                quoteClose("15:00:01", "-300.00"),
                quoteClose("15:00:11", "-500.00"));
    }

    @Test
    void expiryIsNotATimerAndEmitsNothing() {
        RuleScript s = esLong(RULE_004);
        s.at("15:00:01").quote(ES, "5994.00");
        s.at("15:01:00").clock();

        assertThat(s.run()).containsExactly(quoteClose("15:00:01", "-300.00"));
    }

    @Test
    void aPositionEventForTheContractEndsThePendingClose() {
        RuleScript s = esLong(RULE_004);
        s.at("15:00:01").quote(ES, "5994.00");
        s.at("15:00:03").position(ACC, P_ES, ES, LONG, 1, "6000.25");

        assertThat(s.run()).containsExactly(
                quoteClose("15:00:01", "-300.00"),
                new Action(ACC + ":RULE-004:CLOSE_POSITION:position:41:2026-03-02T15:00:03Z:0", t("15:00:03"), ACC,
                        4, ActionKind.CLOSE_POSITION, null, ES, null, null, null,
                        "unrealized P&L -312.50 on " + ES + " reached the limit -300.00", 7, DecisionCause.UNREALIZED_LOSS_REACHED));
    }

    @Test
    void aDuplicatePositionEventDoesNotEndThePendingClose() {
        RuleScript s = esLong(RULE_004);
        s.at("15:00:01").quote(ES, "5994.00");
        s.at("15:00:03").position(ACC, P_ES, ES, LONG, 1, "6000.00");
        s.at("15:00:05").quote(ES, "5994.00");

        assertThat(s.run()).containsExactly(quoteClose("15:00:01", "-300.00"));
    }

    @Test
    void aCloseStillPassesAPendingReduce() {
        RuleScript s = RuleScript.withRules("max_contracts: { limit: 5 }", RULE_004);
        s.at("15:00:00").position(ACC, 51, MNQ, LONG, 6, "21000.00");
        // MNQ 2 USD per point: (20975 - 21000) x 6 x 2 = -300
        s.at("15:00:02").quote(MNQ, "20975.00");

        assertThat(s.run()).extracting(Action::rule, Action::kind, Action::contractId, Action::size).containsExactly(
                tuple(1, ActionKind.REDUCE_POSITION, MNQ, 1L),
                tuple(4, ActionKind.CLOSE_POSITION, MNQ, null));
    }

    @Test
    void aFlattenMakesEveryOpenPositionPendingClose() {
        RuleScript s = esLong(RULE_004, "auth_loss_guard: {}");
        s.at("15:00:01").account(ACC, false);
        s.at("15:00:02").quote(ES, "5994.00");
        s.at("15:00:11").quote(ES, "5994.00");

        assertThat(s.run()).extracting(Action::rule, Action::kind, Action::ts).containsExactly(
                tuple(10, ActionKind.LOCK, t("15:00:01")),
                tuple(10, ActionKind.FLATTEN, t("15:00:01")),
                tuple(4, ActionKind.CLOSE_POSITION, t("15:00:11")));
    }

    // ---- pendingFlatten ----

    @Test
    void aFlattenIsSuppressedWhileAFlattenIsPendingButItsLockIsNot() {
        RuleScript s = RuleScript.withRules(RULE_007);
        s.at("15:00:00").trade(ACC, 8001, 701, "-100.00");
        s.at("15:00:05").trade(ACC, 8002, 701, "-100.00");

        assertThat(s.run()).extracting(Action::id, Action::kind, Action::until).containsExactly(
                tuple("2002:RULE-007:LOCK:trade:8001:2026-03-02T15:00:00Z:0", ActionKind.LOCK, t("15:05:00")),
                tuple("2002:RULE-007:FLATTEN:trade:8001:2026-03-02T15:00:00Z:1", ActionKind.FLATTEN, null),
                tuple("2002:RULE-007:LOCK:trade:8002:2026-03-02T15:00:05Z:0", ActionKind.LOCK, t("15:15:05")));
    }

    @Test
    void thePendingFlattenExpiresAtExactlyTenSeconds() {
        RuleScript s = RuleScript.withRules(RULE_007);
        s.at("15:00:00").trade(ACC, 8001, 701, "-100.00");
        s.at("15:00:10").trade(ACC, 8002, 702, "-200.00");

        assertThat(s.run()).extracting(Action::kind, Action::ts, Action::until).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:00"), t("15:05:00")),
                tuple(ActionKind.FLATTEN, t("15:00:00"), null),
                tuple(ActionKind.LOCK, t("15:00:10"), t("15:15:10")),
                tuple(ActionKind.FLATTEN, t("15:00:10"), null));
    }

    @Test
    void anyPositionEventOfTheAccountEndsThePendingFlatten() {
        RuleScript s = RuleScript.withRules(RULE_007);
        s.at("15:00:00").trade(ACC, 8001, 701, "-100.00");
        s.at("15:00:02").position(ACC, 51, MNQ, LONG, 1, "21000");
        s.at("15:00:04").trade(ACC, 8002, 701, "-100.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind, Action::ts).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:00")),
                tuple(ActionKind.FLATTEN, t("15:00:00")),
                tuple(ActionKind.CLOSE_POSITION, t("15:00:02")),
                tuple(ActionKind.LOCK, t("15:00:04")),
                tuple(ActionKind.FLATTEN, t("15:00:04")));
        assertThat(actions.get(2).reason())
                .isEqualTo("account locked by RULE-007 until 2026-03-02T15:05:00Z: position " + MNQ + " opened");
    }

    @Test
    void suppressionNeverSuppressesALockOrAnUnlock() {
        RuleScript s = RuleScript.withRules("auth_loss_guard: {}");
        s.at("15:00:00").account(ACC, false);
        s.at("15:00:02").account(ACC, true);
        s.at("15:00:04").account(ACC, false);

        assertThat(s.run()).extracting(Action::kind, Action::ts).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:00")),
                tuple(ActionKind.FLATTEN, t("15:00:00")),
                tuple(ActionKind.UNLOCK, t("15:00:02")),
                tuple(ActionKind.LOCK, t("15:00:04")));
    }

    // ---- pendingCancel ----

    /** Order 611 works from 14:59:00; entries of orders 601..604 at 15:00:00..03 breach 3 per minute. */
    private static RuleScript fourEntries(String... rules) {
        RuleScript s = RuleScript.withRules(rules);
        s.at("14:59:00").order(ACC, 611, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:00").trade(ACC, 7001, 601, null);
        s.at("15:00:01").trade(ACC, 7002, 602, null);
        s.at("15:00:02").trade(ACC, 7003, 603, null);
        s.at("15:00:03").trade(ACC, 7004, 604, null);
        return s;
    }

    private static Action cancel611(long tradeId, String time, int entries) {
        return new Action(ACC + ":RULE-006:CANCEL_ORDER:trade:" + tradeId + ":" + t(time) + ":1", t(time), ACC, 6,
                ActionKind.CANCEL_ORDER, null, MNQ, null, 611L, null,
                entries + " entries in the last 60 s exceed the limit 3", 7, DecisionCause.TRADE_FREQUENCY_EXCEEDED);
    }

    @Test
    void aRepeatCancelIsSuppressedWhileTheCancelIsPending() {
        RuleScript s = fourEntries(RULE_006);
        s.at("15:00:05").trade(ACC, 7005, 605, null);

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind, Action::ts, Action::until).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:03"), t("15:01:03")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:03"), null),
                tuple(ActionKind.LOCK, t("15:00:05"), t("15:01:05")));
        assertThat(actions.get(1)).isEqualTo(cancel611(7004, "15:00:03", 4));
    }

    @Test
    void thePendingCancelExpiresAtExactlyTenSeconds() {
        RuleScript s = fourEntries(RULE_006);
        s.at("15:00:13").trade(ACC, 7005, 605, null);

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind, Action::ts).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:03")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:03")),
                tuple(ActionKind.LOCK, t("15:00:13")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:13")));
        assertThat(actions.get(3)).isEqualTo(cancel611(7005, "15:00:13", 5));
    }

    @Test
    void anOrderEventForTheOrderEndsThePendingCancel() {
        RuleScript s = fourEntries(RULE_006);
        s.at("15:00:04").order(ACC, 611, MNQ, 6, LIMIT, BUY, null);
        s.at("15:00:05").trade(ACC, 7005, 605, null);

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::kind, Action::ts).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:03")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:03")),
                tuple(ActionKind.LOCK, t("15:00:05")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:05")));
        assertThat(actions.get(3)).isEqualTo(cancel611(7005, "15:00:05", 5));
    }

    @Test
    void aDuplicateOrderEventDoesNotEndThePendingCancel() {
        RuleScript s = fourEntries(RULE_006);
        s.at("15:00:04").order(ACC, 611, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:05").trade(ACC, 7005, 605, null);

        assertThat(s.run()).extracting(Action::kind, Action::ts).containsExactly(
                tuple(ActionKind.LOCK, t("15:00:03")),
                tuple(ActionKind.CANCEL_ORDER, t("15:00:03")),
                tuple(ActionKind.LOCK, t("15:00:05")));
    }

    @Test
    void aFlattenMakesEveryWorkingOrderPendingCancel() {
        RuleScript s = RuleScript.withRules(RULE_006, "auth_loss_guard: {}");
        s.at("14:59:00").order(ACC, 611, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:00").account(ACC, false);
        s.at("15:00:01").trade(ACC, 7001, 601, null);
        s.at("15:00:02").trade(ACC, 7002, 602, null);
        s.at("15:00:03").trade(ACC, 7003, 603, null);
        s.at("15:00:04").trade(ACC, 7004, 604, null);

        assertThat(s.run()).extracting(Action::rule, Action::kind, Action::ts).containsExactly(
                tuple(10, ActionKind.LOCK, t("15:00:00")),
                tuple(10, ActionKind.FLATTEN, t("15:00:00")),
                tuple(6, ActionKind.LOCK, t("15:00:04")));
    }
}
