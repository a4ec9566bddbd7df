package io.riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.state.DayFigures;
import io.riskguard.testing.RuleScript;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RULES.md §2 RULE-003 daily_realized_loss, §1.4/§1.5 daily figures, and the worked example §5.3. */
class Rule003DailyRealizedLossTest {

    private static final long A1001 = 1001; // override: limit -300.00
    private static final long A2002 = 2002; // global: limit -500.00

    /** CONTRACT.md §3: global limit -500, account 1001 overridden to -300. */
    private static RuleScript script(String includeFees, String... otherRules) {
        StringBuilder yaml = new StringBuilder(RuleScript.BASE).append("rules:\n")
                .append("  daily_realized_loss: { enabled: true, limit: -500.00, include_fees: ")
                .append(includeFees).append(" }\n");
        for (String r : otherRules) {
            yaml.append("  ").append(r).append('\n');
        }
        yaml.append("accounts:\n  \"1001\": { rules: { daily_realized_loss: { limit: -300.00 } } }\n");
        return RuleScript.withConfig(yaml.toString());
    }

    private static RuleScript script() {
        return script("false");
    }

    private static Instant t(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
    }

    private static String reason(String pnl, String limit) {
        return "daily realized P&L " + pnl + " reached the limit " + limit;
    }

    private static Action lock(long account, long tradeId, String time, String until, String reason) {
        return new Action(account + ":RULE-003:LOCK:trade:" + tradeId + ":" + t(time) + ":0", t(time), account, 3,
                ActionKind.LOCK, Instant.parse(until), null, null, null, null, reason, 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    }

    private static Action flatten(long account, long tradeId, String time, String reason) {
        return new Action(account + ":RULE-003:FLATTEN:trade:" + tradeId + ":" + t(time) + ":1", t(time), account, 3,
                ActionKind.FLATTEN, null, null, null, null, null, reason, 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    }

    private static Action unlock(long account, String until) {
        return new Action(account + ":RULE-003:UNLOCK:timer:" + until + ":0", Instant.parse(until), account, 3,
                ActionKind.UNLOCK, null, null, null, null, null, "lock of RULE-003 ended at " + until, 7, DecisionCause.LOCK_EXPIRED);
    }

    private static void assertDay(RuleScript s, long account, String tradingDay, String realized) {
        DayFigures day = s.state(account).day();
        assertThat(day.tradingDay()).isEqualTo(LocalDate.parse(tradingDay));
        assertThat(day.realized(false)).isEqualByComparingTo(new BigDecimal(realized));
    }

    // ---- §5.3 worked example ----

    private static RuleScript example53(String includeFees) {
        RuleScript s = script(includeFees);
        s.at("15:00:00").trade(A1001, 9001, 501, null, "0.74", false);
        s.at("15:05:00").trade(A1001, 9002, 502, "-120.00", "0.74", false);
        s.at("15:10:00").trade(A1001, 9003, 503, "-95.50", "0.74", false);
        s.at("15:20:00").trade(A1001, 9004, 504, "-84.50", "0.74", false);
        s.at("15:20:00.500").trade(A1001, 9004, 504, "-84.50", "0.74", false);
        s.at("16:00:00").trade(A1001, 9005, 505, "-40.00", "0.74", false);
        s.at("23:00:00").clock();
        s.at("23:30:00").trade(A1001, 9006, 506, "-10.00", "0.74", false);
        return s;
    }

    @Test
    void reproducesTheWorkedExampleOfSection53ByteForByte() {
        RuleScript s = example53("false");

        assertThat(s.run()).extracting(ActionJson::toJson).containsExactly(
                "{\"id\":\"1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0\",\"ts\":\"2026-03-02T15:20:00Z\","
                        + "\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T23:00:00Z\","
                        + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}",
                "{\"id\":\"1001:RULE-003:FLATTEN:trade:9004:2026-03-02T15:20:00Z:1\",\"ts\":\"2026-03-02T15:20:00Z\","
                        + "\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}",
                "{\"id\":\"1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0\",\"ts\":\"2026-03-02T23:00:00Z\","
                        + "\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-003 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}");
        assertDay(s, A1001, "2026-03-03", "-10.00");
    }

    @Test
    void workedExampleWithIncludeFeesLocksAtTheSameEventWithTheFeesInTheFigure() {
        RuleScript s = example53("true");

        String reason = reason("-302.96", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 9004, "15:20:00", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 9004, "15:20:00", reason),
                unlock(A1001, "2026-03-02T23:00:00Z"));
        assertThat(s.state(A1001).day().realized(true)).isEqualByComparingTo("-10.74");
    }

    // ---- limit, override, boundary ----

    @Test
    void doesNotBreachOneCentAboveTheLimit() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-299.99");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anAccountWithoutOverrideUsesTheGlobalLimit() {
        RuleScript s = script();
        s.at("15:00:00").trade(A2002, 1, 501, "-300.00");
        s.at("15:01:00").trade(A2002, 2, 502, "-200.00");

        String reason = reason("-500.00", "-500.00");
        assertThat(s.run()).containsExactly(
                lock(A2002, 2, "15:01:00", "2026-03-02T23:00:00Z", reason),
                flatten(A2002, 2, "15:01:00", reason));
    }

    @Test
    void formatsTheFigureAndTheLimitAsMoneyWithTwoDecimals() {
        RuleScript s = RuleScript.withRules("daily_realized_loss: { limit: -300 }");
        s.at("15:00:00").trade(A2002, 1, 501, "-300.5");

        String reason = reason("-300.50", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A2002, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(A2002, 1, "15:00:00", reason));
    }

    @Test
    void defaultLimitIsMinusFiveHundred() {
        RuleScript s = RuleScript.withRules("daily_realized_loss: {}");
        s.at("15:00:00").trade(A2002, 1, 501, "-499.99");
        s.at("15:00:01").trade(A2002, 2, 502, "-0.01");

        String reason = reason("-500.00", "-500.00");
        assertThat(s.run()).containsExactly(
                lock(A2002, 2, "15:00:01", "2026-03-02T23:00:00Z", reason),
                flatten(A2002, 2, "15:00:01", reason));
    }

    @Test
    void disabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules("daily_realized_loss: { enabled: false, limit: -300.00 }");
        s.at("15:00:00").trade(A2002, 1, 501, "-1000.00");

        assertThat(s.run()).isEmpty();
    }

    // ---- what counts ----

    @Test
    void openingFillsAddZeroAndTheirFeesAreIgnoredWithoutIncludeFees() {
        RuleScript s = script("false");
        s.at("15:00:00").trade(A1001, 1, 501, null, "5.00", false);
        s.at("15:00:01").trade(A1001, 2, 502, "-299.99", "0.74", false);

        assertThat(s.run()).isEmpty();
        assertDay(s, A1001, "2026-03-02", "-299.99");
    }

    @Test
    void withIncludeFeesTheFeesOfAnOpeningFillCount() {
        RuleScript s = script("true");
        s.at("15:00:00").trade(A1001, 1, 501, null, "0.01", false);
        s.at("15:00:01").trade(A1001, 2, 502, "-299.99", "0", false);

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 2, "15:00:01", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 2, "15:00:01", reason));
    }

    @Test
    void aDuplicateTradeIsNotCountedTwice() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-200.00");
        s.at("15:00:01").trade(A1001, 1, 501, "-200.00");
        s.at("15:00:02").trade(A1001, 2, 502, "-99.99");
        s.at("15:00:03").trade(A1001, 3, 503, "-0.01");

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 3, "15:00:03", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 3, "15:00:03", reason));
    }

    @Test
    void aVoidOfTheCurrentDayRemovesTheTradeFromTheFigure() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-200.00");
        s.at("15:00:01").trade(A1001, 2, 502, "-50.00");
        s.at("15:00:02").trade(A1001, 1, 501, "-200.00", "0", true);
        s.at("15:00:03").trade(A1001, 3, 503, "-249.99");

        assertThat(s.run()).isEmpty();
        assertDay(s, A1001, "2026-03-02", "-299.99");
    }

    @Test
    void aVoidOfAProfitIsEvaluatedAndCanBreach() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "100.00");
        s.at("15:01:00").trade(A1001, 2, 502, "-350.00");
        s.at("15:02:00").trade(A1001, 1, 501, "100.00", "0", true);

        String reason = reason("-350.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 1, "15:02:00", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 1, "15:02:00", reason));
    }

    @Test
    void aVoidOfATradeOfThePreviousTradingDayLeavesTodaysFigureAlone() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-200.00"); // trading day 03-02
        s.at("23:30:00").trade(A1001, 2, 502, "-250.00"); // trading day 03-03
        s.at("23:40:00").trade(A1001, 1, 501, "-200.00", "0", true);
        s.at("23:50:00").trade(A1001, 3, 503, "-50.00");

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 3, "23:50:00", "2026-03-03T23:00:00Z", reason),
                flatten(A1001, 3, "23:50:00", reason));
    }

    // ---- once per trading day, lock until the reset ----

    @Test
    void firesOncePerTradingDayAndTradesDuringTheLockKeepCounting() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-300.00");
        s.at("15:30:00").trade(A1001, 2, 502, "-100.00");
        s.at("16:00:00").trade(A1001, 3, 503, "50.00");
        s.at("16:30:00").trade(A1001, 4, 504, "-400.00");

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 1, "15:00:00", reason));
        assertDay(s, A1001, "2026-03-02", "-750.00");
    }

    @Test
    void doesNotUnlockBeforeTheReset() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-300.00");
        s.at("22:59:59.999").clock();

        assertThat(s.run()).extracting(Action::kind).containsExactly(ActionKind.LOCK, ActionKind.FLATTEN);
    }

    @Test
    void firesAgainInTheNextTradingDay() {
        RuleScript s = script();
        s.at("15:00:00").trade(A1001, 1, 501, "-300.00");
        s.at("2026-03-03T15:00:00Z").trade(A1001, 2, 502, "-300.00");

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 1, "15:00:00", reason),
                unlock(A1001, "2026-03-02T23:00:00Z"),
                lock(A1001, 2, "2026-03-03T15:00:00Z", "2026-03-03T23:00:00Z", reason),
                flatten(A1001, 2, "2026-03-03T15:00:00Z", reason));
    }

    @Test
    void aFillExactlyAtTheResetInstantBelongsToTheNewDay() {
        RuleScript s = script();
        s.at("22:59:59.999").trade(A1001, 1, 501, "-299.99");
        s.at("23:00:00").trade(A1001, 2, 502, "-0.01");

        assertThat(s.run()).isEmpty();
        assertDay(s, A1001, "2026-03-03", "-0.01");
    }

    @Test
    void aFillOneMillisecondBeforeTheResetBelongsToTheEndingDay() {
        RuleScript s = script();
        s.at("22:59:59.998").trade(A1001, 1, 501, "-299.99");
        s.at("22:59:59.999").trade(A1001, 2, 502, "-0.01");
        s.at("23:00:00").clock();

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 2, "22:59:59.999", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 2, "22:59:59.999", reason),
                unlock(A1001, "2026-03-02T23:00:00Z"));
    }

    @Test
    void aBreachExactlyAtTheResetLocksUntilTheFollowingReset() {
        RuleScript s = script();
        s.at("23:00:00").trade(A1001, 1, 501, "-300.00");

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 1, "23:00:00", "2026-03-03T23:00:00Z", reason),
                flatten(A1001, 1, "23:00:00", reason));
    }

    @Test
    void evaluatesWhileAnotherRulesLockIsActive() {
        RuleScript s = script("false", "auth_loss_guard: {}");
        s.at("15:00:00").account(A1001, false);
        s.at("15:01:00").trade(A1001, 1, 501, "-300.00");

        String reason = reason("-300.00", "-300.00");
        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK),
                tuple(10, ActionKind.FLATTEN),
                tuple(3, ActionKind.LOCK),
                tuple(3, ActionKind.FLATTEN));
        assertThat(actions.subList(2, 4)).containsExactly(
                lock(A1001, 1, "15:01:00", "2026-03-02T23:00:00Z", reason),
                flatten(A1001, 1, "15:01:00", reason));
    }

    @Test
    void aCooldownLockOfRule007DoesNotPreventIt() {
        RuleScript s = script("false",
                "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, { loss: -200.00, cooldown: 15m } ] }");
        s.at("15:00:00").trade(A2002, 1, 801, "-150.00");
        s.at("15:01:00").trade(A2002, 2, 802, "-350.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind, Action::ts).containsExactly(
                tuple(7, ActionKind.LOCK, t("15:00:00")),
                tuple(7, ActionKind.FLATTEN, t("15:00:00")),
                tuple(3, ActionKind.LOCK, t("15:01:00")),
                tuple(7, ActionKind.LOCK, t("15:01:00")),
                tuple(3, ActionKind.FLATTEN, t("15:01:00")));
        String reason = reason("-500.00", "-500.00");
        assertThat(actions.get(2)).isEqualTo(lock(A2002, 2, "15:01:00", "2026-03-02T23:00:00Z", reason));
        assertThat(actions.get(4)).isEqualTo(new Action("2002:RULE-003:FLATTEN:trade:2:2026-03-02T15:01:00Z:2",
                t("15:01:00"), A2002, 3, ActionKind.FLATTEN, null, null, null, null, null, reason, 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED));
    }

    // ---- DST week (America/Chicago switches to CDT on Sunday 2026-03-08) ----

    @Test
    void theResetMovesToTwentyTwoUtcAfterTheDstSwitch() {
        RuleScript s = script();
        s.at("2026-03-09T15:00:00Z").trade(A1001, 1, 501, "-300.00");
        s.at("2026-03-09T22:00:00Z").clock();

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 1, "2026-03-09T15:00:00Z", "2026-03-09T22:00:00Z", reason),
                flatten(A1001, 1, "2026-03-09T15:00:00Z", reason),
                unlock(A1001, "2026-03-09T22:00:00Z"));
    }

    @Test
    void aFillAtTwentyTwoUtcOnTheFirstCdtMondayBelongsToTheNextDay() {
        RuleScript s = script();
        s.at("2026-03-09T21:59:00Z").trade(A1001, 1, 501, "-299.99");
        s.at("2026-03-09T22:00:00Z").trade(A1001, 2, 502, "-0.01");

        assertThat(s.run()).isEmpty();
        assertDay(s, A1001, "2026-03-10", "-0.01");
    }

    @Test
    void theTwentyThreeHourTradingDayOfTheSwitchRunsFromSaturdayCstToSundayCdt() {
        RuleScript s = script();
        s.at("2026-03-07T22:59:59Z").trade(A1001, 1, 501, "-250.00"); // trading day 03-07
        s.at("2026-03-07T23:00:00Z").trade(A1001, 2, 502, "-150.00"); // trading day 03-08 starts (CST)
        s.at("2026-03-08T21:59:59Z").trade(A1001, 3, 503, "-150.00"); // still 03-08: 16:59:59 CDT

        String reason = reason("-300.00", "-300.00");
        assertThat(s.run()).containsExactly(
                lock(A1001, 3, "2026-03-08T21:59:59Z", "2026-03-08T22:00:00Z", reason),
                flatten(A1001, 3, "2026-03-08T21:59:59Z", reason));
    }
}
