package io.riskguard.engine;

import static io.riskguard.rules.RuleTestSupport.briefs;
import static io.riskguard.rules.RuleTestSupport.json;
import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.Action;
import io.riskguard.rules.RuleTestSupport.SwitchingReplay;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.testing.RuleScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lock records, lock enforcement and UNLOCKs (RULES.md §1.8, §1.3, §5.14). */
class LocksTest {

    private static final long ACCOUNT = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";

    private static final String LOSS_500 = "daily_realized_loss: { limit: -500.00 }";
    private static final String TIERS =
            "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, { loss: -200.00, cooldown: 15m } ] }";
    private static final String AUTH = "auth_loss_guard: { enabled: true }";
    private static final String BY_RULE_010 = "account locked by RULE-010 until canTrade is true: ";

    /** Account 2002 locked by RULE-010 (no expiry) from 15:00:00. */
    private static RuleScript lockedByRule010() {
        return RuleScript.withRules(AUTH).at("15:00:00").account(ACCOUNT, false);
    }

    /** The actions after the first {@code skip} (the LOCK and FLATTEN that started the lock). */
    private static List<String> after(int skip, List<Action> actions) {
        return briefs(actions.subList(skip, actions.size()));
    }

    // ---- RULES.md §5.14 ---------------------------------------------------------------------

    @Test
    void reproducesTheInteractionExampleByteForByte() {
        RuleScript s = RuleScript.withRules(LOSS_500, TIERS);
        s.at("15:00:00").trade(ACCOUNT, 9201, 801, "-520.00");
        s.at("15:05:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.at("23:00:00").clock();

        String loss = "daily realized P&L -520.00 reached the limit -500.00";
        assertThat(json(s.run())).containsExactly(
                "{\"id\":\"2002:RULE-003:LOCK:trade:9201:2026-03-02T15:00:00Z:0\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T23:00:00Z\",\"reason\":\"" + loss + "\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:LOCK:trade:9201:2026-03-02T15:00:00Z:1\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"LOCK\",\"scope\":\"account\","
                        + "\"until\":\"2026-03-02T15:15:00Z\","
                        + "\"reason\":\"order 801 lost -520.00, reaching the tier -200.00\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:FLATTEN:trade:9201:2026-03-02T15:00:00Z:2\",\"ts\":\"2026-03-02T15:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
                        + "\"reason\":\"" + loss + "\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:CLOSE_POSITION:position:1:2026-03-02T15:05:00Z:0\",\"ts\":\"2026-03-02T15:05:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"CLOSE_POSITION\","
                        + "\"contractId\":\"CON.F.US.MNQ.H26\",\"reason\":\"account locked by RULE-003 until"
                        + " 2026-03-02T23:00:00Z: position CON.F.US.MNQ.H26 opened\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-007:UNLOCK:timer:2026-03-02T15:15:00Z:0\",\"ts\":\"2026-03-02T15:15:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-007\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-007 ended at 2026-03-02T15:15:00Z\",\"configVersion\":7}",
                "{\"id\":\"2002:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0\",\"ts\":\"2026-03-02T23:00:00Z\","
                        + "\"accountId\":2002,\"rule\":\"RULE-003\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-003 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}");
    }

    // ---- records: never shortened ------------------------------------------------------------

    @Test
    void aLockIsNeverShortened() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-250.00");   // until 15:15:00
        s.at("15:01:00").trade(ACCOUNT, 8002, 702, "-150.00");   // proposes 15:06:00: nothing
        s.at("15:10:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:20:00").clock();

        assertThat(after(2, s.run())).containsExactly(
                "2026-03-02T15:10:00Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-02T15:15:00Z: position " + MNQ + " opened",
                "2026-03-02T15:15:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:15:00Z");
    }

    @Test
    void aProposalEqualToTheActiveUntilEmitsNothing() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.trade(ACCOUNT, 8002, 702, "-110.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-007 LOCK until=2026-03-02T15:05:00Z | order 701 lost -110.00, reaching the tier -100.00",
                "2026-03-02T15:00:00Z RULE-007 FLATTEN | order 701 lost -110.00, reaching the tier -100.00");
    }

    @Test
    void theTimerOfAnExtendedLockLapses() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");   // until 15:05:00
        s.at("15:00:30").trade(ACCOUNT, 8002, 701, "-100.00");   // extended to 15:15:30
        s.at("15:10:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(after(4, s.run())).containsExactly(
                "2026-03-02T15:10:00Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-02T15:15:30Z: position " + MNQ + " opened");
    }

    @Test
    void disablingTheRuleNeitherEndsNorChangesItsLock() {
        SwitchingReplay r = new SwitchingReplay(TIERS);
        r.feed(RuleScript.withRules(TIERS).at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00"));
        r.use("cooldown_after_loss: { enabled: false }");
        r.feed(RuleScript.withRules(TIERS).at("15:04:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00")
                .at("15:06:00").clock());

        List<Action> actions = r.actions();

        assertThat(after(2, actions)).containsExactly(
                "2026-03-02T15:04:00Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-02T15:05:00Z: position " + MNQ + " opened",
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z");
        assertThat(actions.get(3).configVersion()).isEqualTo(8);
    }

    // ---- which rule enforces -----------------------------------------------------------------

    @Test
    void theEnforcingRuleIsTheOneWithTheLatestUntilNotTheLowestNumber() {
        RuleScript s = RuleScript.withRules(LOSS_500, "cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 24h } ] }");
        s.at("15:00:00").trade(ACCOUNT, 9201, 801, "-520.00");   // RULE-003 until 23:00, RULE-007 until +24h
        s.at("15:05:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(after(3, s.run())).containsExactly(
                "2026-03-02T15:05:00Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-03T15:00:00Z: position " + MNQ + " opened");
    }

    @Test
    void aLockWithoutExpiryIsTheLatest() {
        RuleScript s = RuleScript.withRules(LOSS_500, AUTH);
        s.at("14:59:00").account(ACCOUNT, false);
        s.at("15:00:00").trade(ACCOUNT, 9201, 801, "-520.00");
        s.at("15:05:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        List<Action> actions = s.run();

        assertThat(briefs(actions.subList(0, 4))).containsExactly(
                "2026-03-02T14:59:00Z RULE-010 LOCK until=null | broker reports canTrade=false",
                "2026-03-02T14:59:00Z RULE-010 FLATTEN | broker reports canTrade=false",
                "2026-03-02T15:00:00Z RULE-003 LOCK until=2026-03-02T23:00:00Z | daily realized P&L -520.00 reached the limit -500.00",
                "2026-03-02T15:00:00Z RULE-003 FLATTEN | daily realized P&L -520.00 reached the limit -500.00");
        assertThat(after(4, actions)).containsExactly(
                "2026-03-02T15:05:00Z RULE-010 CLOSE_POSITION " + MNQ + " | " + BY_RULE_010 + "position " + MNQ + " opened");
    }

    @Test
    void equalUntilsGoToTheLowestRuleNumber() {
        RuleScript s = RuleScript.withRules(LOSS_500, "daily_realized_profit: { target: 100.00 }");
        s.at("15:00:00").trade(ACCOUNT, 9101, 901, "100.00");    // RULE-013 until 23:00
        s.at("15:05:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:06:00").closePosition(ACCOUNT, "MNQ.H26");
        s.at("15:10:00").trade(ACCOUNT, 9102, 902, "-700.00");   // RULE-003 until 23:00 too
        s.at("15:20:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(briefs(s.run())).containsExactly(
                "2026-03-02T15:00:00Z RULE-013 LOCK until=2026-03-02T23:00:00Z | daily realized P&L 100.00 reached the target 100.00",
                "2026-03-02T15:00:00Z RULE-013 FLATTEN | daily realized P&L 100.00 reached the target 100.00",
                "2026-03-02T15:05:00Z RULE-013 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-013 until 2026-03-02T23:00:00Z: position " + MNQ + " opened",
                "2026-03-02T15:10:00Z RULE-003 LOCK until=2026-03-02T23:00:00Z | daily realized P&L -600.00 reached the limit -500.00",
                "2026-03-02T15:10:00Z RULE-003 FLATTEN | daily realized P&L -600.00 reached the limit -500.00",
                "2026-03-02T15:20:00Z RULE-003 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-003 until 2026-03-02T23:00:00Z: position " + MNQ + " opened");
    }

    // ---- lock enforcement: what is undone ----------------------------------------------------

    @Test
    void anIncreaseWhileLockedIsClosedWithItsNewSize() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, "MNQ.H26", LONG, 3, "21000.00");

        assertThat(after(2, s.run())).containsExactly("2026-03-02T15:01:00Z RULE-010 CLOSE_POSITION " + MNQ
                + " | " + BY_RULE_010 + "position " + MNQ + " increased to 3");
    }

    @Test
    void aFlipWhileLockedIsClosedAsAnOpen() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, "MNQ.H26", SHORT, 1, "21000.00");

        assertThat(after(2, s.run())).containsExactly("2026-03-02T15:01:00Z RULE-010 CLOSE_POSITION " + MNQ
                + " | " + BY_RULE_010 + "position " + MNQ + " opened");
    }

    @Test
    void reductionsClosesAndUpdatesWhileLockedAreLeftAlone() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 3, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.00");
        s.at("15:02:00").position(ACCOUNT, "MNQ.H26", LONG, 2, "21000.25");
        s.at("15:03:00").closePosition(ACCOUNT, "MNQ.H26");

        assertThat(after(2, s.run())).isEmpty();
    }

    @Test
    void newWorkingOrdersWhileLockedAreCancelled() {
        RuleScript s = lockedByRule010();
        s.at("15:01:00").order(ACCOUNT, 1001, "MNQ.H26", 1, BUY, null);
        s.order(ACCOUNT, 1002, "MNQ.H26", 6, 1, SELL, null);
        s.order(ACCOUNT, 1003, "MNQ.H26", 0, 1, BUY, null);     // status 0: not working, stored
        s.at("15:02:00").order(ACCOUNT, 1003, "MNQ.H26", 1, 1, BUY, null);   // becomes working: new

        assertThat(after(2, s.run())).containsExactly(
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1001 " + MNQ + " | " + BY_RULE_010 + "new order 1001",
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1002 " + MNQ + " | " + BY_RULE_010 + "new order 1002",
                "2026-03-02T15:02:00Z RULE-010 CANCEL_ORDER 1003 " + MNQ + " | " + BY_RULE_010 + "new order 1003");
    }

    @Test
    void changesToAnOrderWorkingBeforeTheLockAreLeftAlone() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").order(ACCOUNT, 1001, "MNQ.H26", 1, BUY, null);
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1001, "MNQ.H26", 4, BUY, "21010.00");

        assertThat(after(2, s.run())).isEmpty();
    }

    @Test
    void qualifyingStopsOfOpenPositionsAreNeverCancelledByALock() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").position(ACCOUNT, 1, "MNQ.H26", LONG, 1, "21000.00");
        s.position(ACCOUNT, 2, "EP.H26", SHORT, 1, "6000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1001, "MNQ.H26", 4, SELL, "20990.00");   // stop of the long
        s.order(ACCOUNT, 1002, "MNQ.H26", 3, SELL, "20990.00");                  // stop-limit of the long
        s.order(ACCOUNT, 1003, "MNQ.H26", 5, SELL, null);                        // trailing stop of the long
        s.order(ACCOUNT, 1004, "EP.H26", 4, BUY, "6010.00");                     // stop of the short

        assertThat(after(2, s.run())).isEmpty();
    }

    @Test
    void stopsThatDoNotQualifyAreCancelledByALock() {
        RuleScript s = RuleScript.withRules(AUTH);
        s.at("14:59:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");
        s.at("15:00:00").account(ACCOUNT, false);
        s.at("15:01:00").order(ACCOUNT, 1001, "MNQ.H26", 4, BUY, "21010.00");   // same side as the long
        s.order(ACCOUNT, 1002, "MNQ.H26", 4, SELL, null);                        // no stopPrice
        s.order(ACCOUNT, 1003, "EP.H26", 4, SELL, "5990.00");                    // no EP position

        assertThat(after(2, s.run())).containsExactly(
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1001 " + MNQ + " | " + BY_RULE_010 + "new order 1001",
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1002 " + MNQ + " | " + BY_RULE_010 + "new order 1002",
                "2026-03-02T15:01:00Z RULE-010 CANCEL_ORDER 1003 CON.F.US.EP.H26 | " + BY_RULE_010 + "new order 1003");
    }

    // ---- expiry ------------------------------------------------------------------------------

    @Test
    void aLockUntilTIsOverAtT() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:05:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        List<Action> actions = s.run();

        assertThat(after(2, actions)).containsExactly(
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z");
        assertThat(actions.get(2).id()).isEqualTo("2002:RULE-007:UNLOCK:timer:2026-03-02T15:05:00Z:0");
    }

    @Test
    void oneMillisecondBeforeItsUntilTheLockIsStillActive() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("15:04:59.999").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(after(2, s.run())).containsExactly(
                "2026-03-02T15:04:59.999Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-02T15:05:00Z: position " + MNQ + " opened");
    }

    @Test
    void anUnlockEndsTheLockOnlyForItsOwnRule() {
        RuleScript s = RuleScript.withRules(TIERS, AUTH);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");    // RULE-007 until 15:05:00
        s.at("15:01:00").account(ACCOUNT, false);                 // RULE-010 until canTrade is true
        s.at("15:02:00").account(ACCOUNT, true);
        s.at("15:03:00").position(ACCOUNT, "MNQ.H26", LONG, 1, "21000.00");

        assertThat(after(4, s.run())).containsExactly(
                "2026-03-02T15:02:00Z RULE-010 UNLOCK | broker reports canTrade=true",
                "2026-03-02T15:03:00Z RULE-007 CLOSE_POSITION " + MNQ
                        + " | account locked by RULE-007 until 2026-03-02T15:05:00Z: position " + MNQ + " opened");
    }

    @Test
    void afterATimedLockEndsNoLockStateOrTimerRemains() {
        RuleScript s = RuleScript.withRules("session_block_outside: { enabled: true }");
        s.at("2026-03-07T16:00:00Z").order(ACCOUNT, 960, "MNQ.H26", 1, BUY, null);   // Saturday: LOCK until Monday
        s.at("2026-03-07T16:00:01Z").order(ACCOUNT, 960, "MNQ.H26", 3, 1, BUY, null);
        s.at("2026-03-09T14:00:00Z").clock();

        List<Action> actions = s.run();

        assertThat(after(2, actions)).containsExactly(
                "2026-03-09T13:30:00Z RULE-009 UNLOCK | lock of RULE-009 ended at 2026-03-09T13:30:00Z");
        MemoryAccountState state = s.state(ACCOUNT);
        assertThat(state.locks().isEmpty()).isTrue();
        assertThat(state.timers().isEmpty()).isTrue();
    }

    @Test
    void afterACooldownEndsAndTradeMemoryExpiresTheAccountStateIsEmpty() {
        RuleScript s = RuleScript.withRules(TIERS);
        s.at("15:00:00").trade(ACCOUNT, 8001, 701, "-110.00");
        s.at("2026-03-04T00:00:00Z").clock();

        List<Action> actions = s.run();

        assertThat(after(2, actions)).containsExactly(
                "2026-03-02T15:05:00Z RULE-007 UNLOCK | lock of RULE-007 ended at 2026-03-02T15:05:00Z");
        MemoryAccountState state = s.state(ACCOUNT);
        assertThat(state.locks().isEmpty()).isTrue();
        assertThat(state.timers().isEmpty()).isTrue();
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void afterTheBrokerAllowsTradingAgainNoLockStateOrTimerRemains() {
        RuleScript s = lockedByRule010();
        s.at("15:10:00").account(ACCOUNT, true);

        s.run();

        assertThat(s.state(ACCOUNT).locks().isEmpty()).isTrue();
        assertThat(s.state(ACCOUNT).timers().isEmpty()).isTrue();
    }
}
