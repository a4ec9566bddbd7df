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

/** RULES.md §2 RULE-013 daily_realized_profit, the shared daily figure of §1.5, and the worked example §5.13. */
class Rule013DailyRealizedProfitTest {

    private static final long ACC = 2002;
    private static final String TARGET = "daily_realized_profit: { target: 1000.00 }";

    private static Instant t(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
    }

    private static String reason(String pnl, String target) {
        return "daily realized P&L " + pnl + " reached the target " + target;
    }

    private static Action lock(long account, long tradeId, String time, String until, String reason) {
        return new Action(account + ":RULE-013:LOCK:trade:" + tradeId + ":" + t(time) + ":0", t(time), account, 13,
                ActionKind.LOCK, Instant.parse(until), null, null, null, null, reason, 7, DecisionCause.DAILY_REALIZED_PROFIT_REACHED);
    }

    private static Action flatten(long account, long tradeId, String time, String reason) {
        return new Action(account + ":RULE-013:FLATTEN:trade:" + tradeId + ":" + t(time) + ":1", t(time), account,
                13, ActionKind.FLATTEN, null, null, null, null, null, reason, 7, DecisionCause.DAILY_REALIZED_PROFIT_REACHED);
    }

    private static Action unlock(long account, String until) {
        return new Action(account + ":RULE-013:UNLOCK:timer:" + until + ":0", Instant.parse(until), account, 13,
                ActionKind.UNLOCK, null, null, null, null, null, "lock of RULE-013 ended at " + until, 7, DecisionCause.LOCK_EXPIRED);
    }

    private static void assertDay(RuleScript s, String tradingDay, String realized) {
        DayFigures day = s.state(ACC).day();
        assertThat(day.tradingDay()).isEqualTo(LocalDate.parse(tradingDay));
        assertThat(day.realized(false)).isEqualByComparingTo(new BigDecimal(realized));
    }

    // ---- §5.13 worked example ----

    @Test
    void reproducesTheWorkedExampleOfSection513ByteForByte() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 9101, 601, "600.00");
        s.at("15:30:00").trade(ACC, 9102, 602, "400.00");

        assertThat(s.run()).extracting(ActionJson::toJson).containsExactly(
                "{\"id\":\"2002:RULE-013:LOCK:trade:9102:2026-03-02T15:30:00Z:0\",\"ts\":\"2026-03-02T15:30:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-013\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T23:00:00Z\","
                        + "\"reason\":\"daily realized P&L 1000.00 reached the target 1000.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-013:FLATTEN:trade:9102:2026-03-02T15:30:00Z:1\",\"ts\":\"2026-03-02T15:30:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-013\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"daily realized P&L 1000.00 reached the target 1000.00\",\"configVersion\":7}");
    }

    @Test
    void theLockEndsWithItsOwnUnlockAtTheReset() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 9101, 601, "600.00");
        s.at("15:30:00").trade(ACC, 9102, 602, "400.00");
        s.at("23:00:00").clock();

        assertThat(s.run()).extracting(ActionJson::toJson).last().isEqualTo(
                "{\"id\":\"2002:RULE-013:UNLOCK:timer:2026-03-02T23:00:00Z:0\",\"ts\":\"2026-03-02T23:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-013\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-013 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}");
    }

    // ---- target, boundary, config ----

    @Test
    void doesNotBreachOneCentBelowTheTarget() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "999.99");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void formatsTheFigureAndTheTargetAsMoneyWithTwoDecimals() {
        RuleScript s = RuleScript.withRules("daily_realized_profit: { target: 1000 }");
        s.at("15:00:00").trade(ACC, 1, 601, "1000.5");

        String reason = reason("1000.50", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 1, "15:00:00", reason));
    }

    @Test
    void defaultTargetIsOneThousand() {
        RuleScript s = RuleScript.withRules("daily_realized_profit: {}");
        s.at("15:00:00").trade(ACC, 1, 601, "999.99");
        s.at("15:00:01").trade(ACC, 2, 602, "0.01");

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 2, "15:00:01", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 2, "15:00:01", reason));
    }

    @Test
    void disabledRuleDoesNothing() {
        RuleScript s = RuleScript.withRules("daily_realized_profit: { enabled: false, target: 1000.00 }");
        s.at("15:00:00").trade(ACC, 1, 601, "5000.00");

        assertThat(s.run()).isEmpty();
    }

    @Test
    void anAccountOverrideOfTheTargetAppliesToThatAccountOnly() {
        RuleScript s = RuleScript.withConfig(RuleScript.BASE + "rules:\n  " + TARGET + "\n"
                + "accounts:\n  \"1001\": { rules: { daily_realized_profit: { target: 500.00 } } }\n");
        s.at("15:00:00").trade(2002, 1, 601, "500.00");
        s.at("15:00:01").trade(1001, 2, 602, "500.00");

        String reason = reason("500.00", "500.00");
        assertThat(s.run()).containsExactly(
                lock(1001, 2, "15:00:01", "2026-03-02T23:00:00Z", reason),
                flatten(1001, 2, "15:00:01", reason));
    }

    // ---- fees: include_fees is read from daily_realized_loss ----

    @Test
    void feesAreIgnoredWhenDailyRealizedLossHasNoIncludeFees() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "1000.00", "0.74", false);

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 1, "15:00:00", reason));
    }

    @Test
    void includeFeesOfADisabledDailyRealizedLossEntryStillApplies() {
        RuleScript s = RuleScript.withRules(TARGET, "daily_realized_loss: { enabled: false, include_fees: true }");
        s.at("15:00:00").trade(ACC, 1, 601, "1000.00", "0.74", false);
        s.at("15:00:01").trade(ACC, 2, 602, "0.74", "0", false);

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 2, "15:00:01", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 2, "15:00:01", reason));
    }

    @Test
    void withIncludeFeesAnOpeningFillLowersTheFigureByItsFees() {
        RuleScript s = RuleScript.withRules(TARGET, "daily_realized_loss: { enabled: false, include_fees: true }");
        s.at("15:00:00").trade(ACC, 1, 601, null, "1.00", false);
        s.at("15:00:01").trade(ACC, 2, 602, "1000.00", "0", false);
        s.at("15:00:02").trade(ACC, 3, 603, "1.00", "0", false);

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 3, "15:00:02", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 3, "15:00:02", reason));
    }

    // ---- duplicates and voids ----

    @Test
    void aDuplicateTradeIsNotCountedTwice() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "600.00");
        s.at("15:00:01").trade(ACC, 1, 601, "600.00");
        s.at("15:00:02").trade(ACC, 2, 602, "399.99");

        assertThat(s.run()).isEmpty();
        assertDay(s, "2026-03-02", "999.99");
    }

    @Test
    void aVoidOfALossCanRaiseTheFigureToTheTarget() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "800.00");
        s.at("15:01:00").trade(ACC, 2, 602, "-50.00");
        s.at("15:02:00").trade(ACC, 3, 603, "200.00");
        s.at("15:03:00").trade(ACC, 2, 602, "-50.00", "0", true);

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 2, "15:03:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 2, "15:03:00", reason));
    }

    @Test
    void aVoidOfATradeOfThePreviousTradingDayLeavesTodaysFigureAlone() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "-200.00"); // trading day 03-02
        s.at("23:30:00").trade(ACC, 2, 602, "900.00"); // trading day 03-03
        s.at("23:40:00").trade(ACC, 1, 601, "-200.00", "0", true);
        s.at("23:50:00").trade(ACC, 3, 603, "100.00");

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 3, "23:50:00", "2026-03-03T23:00:00Z", reason),
                flatten(ACC, 3, "23:50:00", reason));
    }

    // ---- once per trading day, lock until the reset ----

    @Test
    void firesOncePerTradingDayAndTradesDuringTheLockKeepCounting() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "1000.00");
        s.at("15:10:00").trade(ACC, 2, 602, "500.00");
        s.at("15:20:00").trade(ACC, 3, 603, "-2000.00");
        s.at("15:30:00").trade(ACC, 4, 604, "1500.00");

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 1, "15:00:00", reason));
        assertDay(s, "2026-03-02", "1000.00");
    }

    @Test
    void firesAgainInTheNextTradingDay() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("15:00:00").trade(ACC, 1, 601, "1000.00");
        s.at("2026-03-03T15:00:00Z").trade(ACC, 2, 602, "1000.00");

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 1, "15:00:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 1, "15:00:00", reason),
                unlock(ACC, "2026-03-02T23:00:00Z"),
                lock(ACC, 2, "2026-03-03T15:00:00Z", "2026-03-03T23:00:00Z", reason),
                flatten(ACC, 2, "2026-03-03T15:00:00Z", reason));
    }

    @Test
    void aFillExactlyAtTheResetInstantBelongsToTheNewDay() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("22:59:59.999").trade(ACC, 1, 601, "999.99");
        s.at("23:00:00").trade(ACC, 2, 602, "0.01");

        assertThat(s.run()).isEmpty();
        assertDay(s, "2026-03-03", "0.01");
    }

    @Test
    void evaluatesWhileAnotherRulesLockIsActive() {
        RuleScript s = RuleScript.withRules(TARGET, "auth_loss_guard: {}");
        s.at("15:00:00").account(ACC, false);
        s.at("15:01:00").trade(ACC, 1, 601, "1000.00");

        String reason = reason("1000.00", "1000.00");
        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK), tuple(10, ActionKind.FLATTEN),
                tuple(13, ActionKind.LOCK), tuple(13, ActionKind.FLATTEN));
        assertThat(actions.subList(2, 4)).containsExactly(
                lock(ACC, 1, "15:01:00", "2026-03-02T23:00:00Z", reason),
                flatten(ACC, 1, "15:01:00", reason));
    }

    // ---- DST week ----

    @Test
    void theResetMovesToTwentyTwoUtcAfterTheDstSwitch() {
        RuleScript s = RuleScript.withRules(TARGET);
        s.at("2026-03-09T15:00:00Z").trade(ACC, 1, 601, "1000.00");
        s.at("2026-03-09T21:59:00Z").trade(ACC, 2, 602, "10.00");
        s.at("2026-03-09T22:00:00Z").trade(ACC, 3, 603, "1000.00");

        String reason = reason("1000.00", "1000.00");
        assertThat(s.run()).containsExactly(
                lock(ACC, 1, "2026-03-09T15:00:00Z", "2026-03-09T22:00:00Z", reason),
                flatten(ACC, 1, "2026-03-09T15:00:00Z", reason),
                unlock(ACC, "2026-03-09T22:00:00Z"),
                lock(ACC, 3, "2026-03-09T22:00:00Z", "2026-03-10T22:00:00Z", reason),
                flatten(ACC, 3, "2026-03-09T22:00:00Z", reason));
    }
}
