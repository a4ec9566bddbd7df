package io.riskguard.engine;

import static io.riskguard.testing.RuleScript.BUY;
import static io.riskguard.testing.RuleScript.LONG;
import static io.riskguard.testing.RuleScript.SELL;
import static io.riskguard.testing.RuleScript.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.state.OrderState;
import io.riskguard.state.PositionState;
import io.riskguard.state.TradeRecord;
import io.riskguard.testing.RuleScript;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §1.5 bookkeeping: position lifecycle, orders, trades and duplicates. Where the derived
 * lifecycle is not visible in state, it is observed through lock enforcement (§1.8), which acts on
 * "opened", "increased", "flipped" and "new working order" only.
 */
class BookkeepingTest {

    private static final long ACC = 2002;
    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final int LIMIT = 1;
    private static final int STOP = 4;

    private static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    /** Bookkeeping runs for every account whatever the rules; one harmless rule keeps the config valid. */
    private static RuleScript plain() {
        return RuleScript.withRules("auth_loss_guard: { enabled: false }");
    }

    /** Account locked by RULE-010 (until canTrade is true) from 14:59:00. */
    private static RuleScript locked() {
        RuleScript s = RuleScript.withRules("auth_loss_guard: {}");
        s.at("14:59:00").account(ACC, false);
        return s;
    }

    private static final String LOCKED_BY = "account locked by RULE-010 until canTrade is true: ";

    private static Action lockClose(String time, long positionId, String what) {
        return new Action(ACC + ":RULE-010:CLOSE_POSITION:position:" + positionId + ":" + t(time) + ":0", t(time),
                ACC, 10, ActionKind.CLOSE_POSITION, null, MNQ, null, null, null, LOCKED_BY + what, 7, DecisionCause.POSITION_WHILE_LOCKED);
    }

    private static Action lockCancel(String time, long orderId) {
        return new Action(ACC + ":RULE-010:CANCEL_ORDER:order:" + orderId + ":" + t(time) + ":0", t(time), ACC, 10,
                ActionKind.CANCEL_ORDER, null, MNQ, null, orderId, null, LOCKED_BY + "new order " + orderId, 7, DecisionCause.ORDER_WHILE_LOCKED);
    }

    /** Actions after the LOCK and FLATTEN of {@link #locked()}. */
    private static List<Action> afterLock(RuleScript s) {
        List<Action> all = s.run();
        assertThat(all.subList(0, 2)).extracting(Action::kind).containsExactly(ActionKind.LOCK, ActionKind.FLATTEN);
        return all.subList(2, all.size());
    }

    // ---- positions: state ----

    @Test
    void anOpenedPositionIsStoredWithTheOpeningTs() {
        RuleScript s = plain();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000.50");
        s.run();

        PositionState p = s.state(ACC).position(MNQ);
        assertThat(p.positionType()).isEqualTo(LONG);
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.averagePrice()).isEqualByComparingTo("21000.50");
        assertThat(p.openedAt()).isEqualTo(t("15:00:00"));
    }

    @Test
    void increasesReductionsAndUpdatesKeepTheOpeningTsAndTakeTheLatestAveragePrice() {
        RuleScript s = plain();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:01:00").position(ACC, 7, MNQ, LONG, 5, "21001");
        s.at("15:02:00").position(ACC, 7, MNQ, LONG, 3, "21001");
        s.at("15:03:00").position(ACC, 7, MNQ, LONG, 3, "21002.25");
        s.run();

        PositionState p = s.state(ACC).position(MNQ);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.averagePrice()).isEqualByComparingTo("21002.25");
        assertThat(p.openedAt()).isEqualTo(t("15:00:00"));
    }

    @Test
    void aFlipStartsANewPositionAtTheFlipTs() {
        RuleScript s = plain();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:05:00").position(ACC, 7, MNQ, SHORT, 1, "21010");
        s.run();

        PositionState p = s.state(ACC).position(MNQ);
        assertThat(p.positionType()).isEqualTo(SHORT);
        assertThat(p.size()).isEqualTo(1);
        assertThat(p.openedAt()).isEqualTo(t("15:05:00"));
    }

    @Test
    void aClosedPositionIsRemoved() {
        RuleScript s = plain();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:01:00").position(ACC, 7, MNQ, 0, 0, "0");
        s.run();

        assertThat(s.state(ACC).position(MNQ)).isNull();
        assertThat(s.state(ACC).positions()).isEmpty();
    }

    @Test
    void aPositionOpenedAgainAfterItClosedGetsANewOpeningTs() {
        RuleScript s = plain();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:01:00").position(ACC, 7, MNQ, LONG, 0, "0");
        s.at("15:02:00").position(ACC, 8, MNQ, LONG, 1, "21005");
        s.run();

        assertThat(s.state(ACC).position(MNQ).openedAt()).isEqualTo(t("15:02:00"));
    }

    // ---- positions: lifecycle as seen by lock enforcement ----

    @Test
    void openedIsEnforcedWhileLocked() {
        RuleScript s = locked();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");

        assertThat(afterLock(s)).containsExactly(lockClose("15:00:00", 7, "position " + MNQ + " opened"));
    }

    @Test
    void increasedIsEnforcedWithTheNewSize() {
        RuleScript s = locked();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:00:01").position(ACC, 7, MNQ, LONG, 3, "21000");

        assertThat(afterLock(s)).containsExactly(
                lockClose("15:00:00", 7, "position " + MNQ + " opened"),
                lockClose("15:00:01", 7, "position " + MNQ + " increased to 3"));
    }

    @Test
    void reducedUpdatedAndClosedAreNotEnforced() {
        RuleScript s = locked();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 3, "21000");
        s.at("15:00:01").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:00:02").position(ACC, 7, MNQ, LONG, 2, "21000.75");
        s.at("15:00:03").position(ACC, 7, MNQ, LONG, 0, "0");

        assertThat(afterLock(s)).containsExactly(lockClose("15:00:00", 7, "position " + MNQ + " opened"));
    }

    @Test
    void aFlipIsEnforcedAsAnOpening() {
        RuleScript s = locked();
        s.at("15:00:00").position(ACC, 7, MNQ, LONG, 2, "21000");
        s.at("15:00:01").position(ACC, 7, MNQ, SHORT, 2, "21000");

        assertThat(afterLock(s)).containsExactly(
                lockClose("15:00:00", 7, "position " + MNQ + " opened"),
                lockClose("15:00:01", 7, "position " + MNQ + " opened"));
    }

    @Test
    void aSizeZeroEventForAContractNotHeldIsADuplicate() {
        // the pending FLATTEN of RULE-010 (14:59:00) would end on any applied position event
        RuleScript s = RuleScript.withRules("auth_loss_guard: {}", "daily_realized_loss: { limit: -500.00 }");
        s.at("14:59:00").account(ACC, false);
        s.at("14:59:02").position(ACC, 7, MNQ, LONG, 0, "0");
        s.at("14:59:04").trade(ACC, 1, 501, "-500.00");

        List<Action> actions = s.run();
        assertThat(actions).extracting(Action::rule, Action::kind).containsExactly(
                tuple(10, ActionKind.LOCK),
                tuple(10, ActionKind.FLATTEN),
                tuple(3, ActionKind.LOCK));
        assertThat(s.state(ACC).positions()).isEmpty();
    }

    // ---- orders ----

    @Test
    void aWorkingOrderIsStoredWithItsWorkingSince() {
        RuleScript s = plain();
        s.at("15:00:00").order(ACC, 900, MNQ, 1, STOP, SELL, "20990.00");
        s.at("15:00:05").order(ACC, 901, MNQ, 6, LIMIT, BUY, null);
        s.run();

        OrderState open = s.state(ACC).order(900);
        assertThat(open.isWorking()).isTrue();
        assertThat(open.workingSince()).isEqualTo(t("15:00:00"));
        assertThat(open.stopPrice()).isEqualByComparingTo("20990.00");
        OrderState pending = s.state(ACC).order(901);
        assertThat(pending.isWorking()).isTrue();
        assertThat(pending.workingSince()).isEqualTo(t("15:00:05"));
    }

    @Test
    void statusZeroIsStoredButIsNeitherWorkingNorFinal() {
        RuleScript s = plain();
        s.at("15:00:00").order(ACC, 900, MNQ, 0, LIMIT, BUY, null);
        s.run();

        OrderState o = s.state(ACC).order(900);
        assertThat(o).isNotNull();
        assertThat(o.isWorking()).isFalse();
        assertThat(o.workingSince()).isNull();
    }

    @Test
    void anOrderBecomingWorkingFromStatusZeroIsANewWorkingOrder() {
        RuleScript s = locked();
        s.at("15:00:00").order(ACC, 900, MNQ, 0, LIMIT, BUY, null);
        s.at("15:00:05").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);

        assertThat(afterLock(s)).containsExactly(lockCancel("15:00:05", 900));
        assertThat(s.state(ACC).order(900).workingSince()).isEqualTo(t("15:00:05"));
    }

    @Test
    void anOrderGoingFromOpenToPendingIsNotANewWorkingOrder() {
        RuleScript s = locked();
        s.at("15:00:00").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:05").order(ACC, 900, MNQ, 6, LIMIT, BUY, null);

        assertThat(afterLock(s)).containsExactly(lockCancel("15:00:00", 900));
        assertThat(s.state(ACC).order(900).workingSince()).isEqualTo(t("15:00:00"));
    }

    @Test
    void anOrderThatStopsWorkingAndWorksAgainIsNewAgain() {
        RuleScript s = locked();
        s.at("15:00:00").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:01").order(ACC, 900, MNQ, 0, LIMIT, BUY, null);
        s.at("15:00:02").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);

        assertThat(afterLock(s)).containsExactly(lockCancel("15:00:00", 900), lockCancel("15:00:02", 900));
    }

    @Test
    void anIdenticalOrderSnapshotIsADuplicate() {
        RuleScript s = locked();
        s.at("15:00:00").order(ACC, 900, MNQ, 0, LIMIT, BUY, null);
        s.at("15:00:05").order(ACC, 900, MNQ, 0, LIMIT, BUY, null);
        s.at("15:00:10").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);

        assertThat(afterLock(s)).containsExactly(lockCancel("15:00:10", 900));
    }

    @Test
    void aFinalOrderIsRemoved() {
        RuleScript s = plain();
        s.at("15:00:00").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:05").order(ACC, 900, MNQ, 2, LIMIT, BUY, null);
        s.run();

        assertThat(s.state(ACC).order(900)).isNull();
        assertThat(s.state(ACC).orders()).isEmpty();
    }

    @Test
    void aFinalOrderNeverSeenStoresNothingAndIsNotEnforced() {
        RuleScript s = locked();
        s.at("15:00:00").order(ACC, 900, MNQ, 3, LIMIT, BUY, null);

        assertThat(afterLock(s)).isEmpty();
        assertThat(s.state(ACC).orders()).isEmpty();
    }

    @Test
    void closedPositionsAndFinalOrdersLeaveNoState() {
        RuleScript s = plain();
        s.at("15:00:00").order(ACC, 900, MNQ, 1, LIMIT, BUY, null);
        s.at("15:00:01").position(ACC, 7, MNQ, LONG, 1, "21000");
        s.at("15:00:02").order(ACC, 901, MNQ, 1, STOP, SELL, "20990");
        s.at("15:00:03").order(ACC, 900, MNQ, 2, LIMIT, BUY, null);
        s.at("15:00:04").position(ACC, 7, MNQ, LONG, 0, "0");
        s.at("15:00:05").order(ACC, 901, MNQ, 3, STOP, SELL, "20990");
        s.run();

        MemoryAccountState state = s.state(ACC);
        assertThat(state.positions()).isEmpty();
        assertThat(state.orders()).isEmpty();
        assertThat(state.pending().isEmpty()).isTrue();
    }

    // ---- trades ----

    private static BigDecimal realized(RuleScript s) {
        return s.state(ACC).day().realized(true);
    }

    @Test
    void aLaterEventForAKnownTradeIdIsADuplicateWhateverItsFigures() {
        RuleScript s = plain();
        s.at("15:00:00").trade(ACC, 1, 501, "-100.00", "1.00", false);
        s.at("15:00:01").trade(ACC, 1, 501, "-100.00", "1.00", false);
        s.at("15:00:02").trade(ACC, 1, 501, "-300.00", "2.00", false);
        s.run();

        assertThat(realized(s)).isEqualByComparingTo("-101.00");
    }

    @Test
    void aVoidRemovesACountedTradeWithItsFees() {
        RuleScript s = plain();
        s.at("15:00:00").trade(ACC, 1, 501, "-100.00", "1.00", false);
        s.at("15:00:01").trade(ACC, 2, 502, "-50.00", "1.00", false);
        s.at("15:00:02").trade(ACC, 1, 501, "-100.00", "1.00", true);
        s.run();

        assertThat(realized(s)).isEqualByComparingTo("-51.00");
        assertThat(s.state(ACC).trade(1)).extracting(TradeRecord::counted).isEqualTo(false);
    }

    @Test
    void aVoidAfterAVoidIsADuplicate() {
        RuleScript s = plain();
        s.at("15:00:00").trade(ACC, 1, 501, "-100.00", "0", false);
        s.at("15:00:01").trade(ACC, 2, 502, "-50.00", "0", false);
        s.at("15:00:02").trade(ACC, 1, 501, "-100.00", "0", true);
        s.at("15:00:03").trade(ACC, 1, 501, "-100.00", "0", true);
        s.run();

        assertThat(realized(s)).isEqualByComparingTo("-50.00");
    }

    @Test
    void aTradeWhoseFirstEventIsVoidedNeverCounts() {
        RuleScript s = plain();
        s.at("15:00:00").trade(ACC, 1, 501, "-100.00", "0", true);
        s.at("15:00:01").trade(ACC, 1, 501, "-100.00", "0", false);
        s.at("15:00:02").trade(ACC, 2, 502, "-50.00", "0", false);
        s.run();

        assertThat(realized(s)).isEqualByComparingTo("-50.00");
    }

    @Test
    void aDuplicateTradeDoesNotAddToTheOrderLoss() {
        // RULE-007 would fire the tier for order 501 again if the duplicate were counted
        RuleScript s = RuleScript.withRules("cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m } ] }");
        s.at("15:00:00").trade(ACC, 1, 501, "-60.00");
        s.at("15:00:01").trade(ACC, 1, 501, "-60.00");

        assertThat(s.run()).isEmpty();
    }
}
