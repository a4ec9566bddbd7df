package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.MNQ;
import static io.riskguard.job.operators.TestEvents.at;
import static io.riskguard.job.operators.TestEvents.ms;
import static io.riskguard.job.operators.TestEvents.orderLine;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.positionLine;
import static io.riskguard.job.operators.TestEvents.tradeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.Event;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import io.riskguard.state.TimerBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * AccountRisk, keyed by account, with merged quotes and control messages broadcast (DESIGN.md
 * "Ordering across the two paths", "Time", "State"; RULES.md §1.3, §1.8, §1.10, §5.3). Inputs are
 * built directly from event lines parsed with the contract codec. The config is the RULES.md §5
 * common setup with only RULE-003 enabled (limit −500.00; account 1001 −300.00), as in the RULE-003
 * scenarios; the quote fan-out has its own tests ({@link AccountRiskFanOutTest}).
 */
class AccountRiskTest {

    static final String CONFIG = """
            version: 7
            timezone: America/Chicago
            daily_reset: { enabled: true, time: "17:00" }
            session:
              enabled: true
              start: "08:30"
              end: "15:00"
              days: [MON, TUE, WED, THU, FRI]
              holidays: [2026-11-26, 2026-12-25]
              early_close: { "2026-11-27": "12:00" }
              close_grace_seconds: 60
            instruments:
              ES:  { tick_size: 0.25, tick_value: 12.50 }
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
            aliases: { EP: ES, ENQ: NQ }
            quotes: { max_age_seconds: 5 }
            rules:
              daily_realized_loss: { enabled: true, limit: -500.00, include_fees: false }
            accounts:
              "1001": { rules: { daily_realized_loss: { limit: -300.00 } } }
            """;

    /** Every keyed state AccountRisk declares (RiskState), by name. */
    static final List<String> STATE_NAMES = List.of("positions", "orders", "trades", "order-losses", "account-values",
            "fills", "replay-buffer");

    // ---- RULES.md §5.3, account 1001 -----------------------------------------------------------

    static final String T1 = tradeLine("15:00:00", 1001, 9001, 501, "null");
    static final String T2 = tradeLine("15:05:00", 1001, 9002, 502, "-120.00");
    static final String T3 = tradeLine("15:10:00", 1001, 9003, 503, "-95.50");
    static final String T4 = tradeLine("15:20:00", 1001, 9004, 504, "-84.50");
    static final String T4_AGAIN = tradeLine("15:20:00.500", 1001, 9004, 504, "-84.50");
    static final String T5 = tradeLine("16:00:00", 1001, 9005, 505, "-40.00");
    static final String T6 = tradeLine("23:30:00", 1001, 9006, 506, "-10.00");

    static final String LOCK_53 = "{\"id\":\"1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0\","
            + "\"ts\":\"2026-03-02T15:20:00Z\",\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"LOCK\","
            + "\"scope\":\"account\",\"until\":\"2026-03-02T23:00:00Z\","
            + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}";
    static final String FLATTEN_53 = "{\"id\":\"1001:RULE-003:FLATTEN:trade:9004:2026-03-02T15:20:00Z:1\","
            + "\"ts\":\"2026-03-02T15:20:00Z\",\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
            + "\"reason\":\"daily realized P&L -300.00 reached the limit -300.00\",\"configVersion\":7}";
    static final String UNLOCK_53 = "{\"id\":\"1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0\","
            + "\"ts\":\"2026-03-02T23:00:00Z\",\"accountId\":1001,\"rule\":\"RULE-003\",\"kind\":\"UNLOCK\","
            + "\"scope\":\"account\",\"reason\":\"lock of RULE-003 ended at 2026-03-02T23:00:00Z\",\"configVersion\":7}";

    private KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> harness;

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    // ---- harness plumbing ----------------------------------------------------------------------

    static KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> openHarness(
            String config, Ordering ordering) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new AccountRisk(config, "account-risk-test.yaml", ordering),
                AccountInput::accountId, null, Types.LONG);
        h.open();
        return h;
    }

    static KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> restoredHarness(
            String config, Ordering ordering, OperatorSubtaskState snapshot) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new AccountRisk(config, "account-risk-test.yaml", ordering),
                AccountInput::accountId, null, Types.LONG, 1, 1, 0);
        h.initializeState(snapshot);
        h.open();
        return h;
    }

    static KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> openHarness(
            Ordering ordering) throws Exception {
        return openHarness(CONFIG, ordering);
    }

    static KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> restoredHarness(
            Ordering ordering, OperatorSubtaskState snapshot) throws Exception {
        return restoredHarness(CONFIG, ordering, snapshot);
    }

    /** The account input for an event line, evaluated at {@code evalTs} (a late event's current event time). */
    static AccountInput input(long seq, Instant evalTs, String line) {
        Event e = parse(line);
        return AccountInput.event(((AccountScopedEvent) e).accountId(), seq, evalTs, e);
    }

    void send(long seq, String line) throws Exception {
        Event e = parse(line);
        send(input(seq, e.ts(), line));
    }

    void sendAt(long seq, Instant evalTs, String line) throws Exception {
        send(input(seq, evalTs, line));
    }

    void send(AccountInput in) throws Exception {
        harness.processElement1(in, ms(in.evalTs()));
    }

    /** A merged quote of {@code contractId} with this last price, broadcast to the subtask. */
    void quote(long seq, String time, String contractId, String lastPrice) throws Exception {
        Instant t = at(time);
        harness.processElement2(MarketInput.quote(contractId, seq, t, new QuoteState(new BigDecimal(lastPrice), null,
                null, t)), ms(t));
    }

    void control(ControlMessage msg, long timestamp) throws Exception {
        harness.processElement2(MarketInput.control(msg), timestamp);
    }

    /** Both inputs' watermarks: the operator's is their minimum. */
    void watermark(long ms) throws Exception {
        harness.processBothWatermarks(new Watermark(ms));
    }

    /** Source watermarks are monotonous: {@code ts − 1 ms} after a record stamped {@code ts}. */
    void watermarkAfter(String line) throws Exception {
        watermark(ms(parse(line).ts()) - 1);
    }

    void watermark(String time) throws Exception {
        watermark(ms(time));
    }

    List<DecidedAction> drainDecided() {
        List<DecidedAction> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    List<String> drain() {
        return drainDecided().stream().map(d -> ActionJson.toJson(d.action())).toList();
    }

    List<String> drainIds() {
        return drainDecided().stream().map(d -> d.action().id()).toList();
    }

    static String lockJson(long account, String source, String ts, String until, String pnl, String limit, int index) {
        return "{\"id\":\"" + account + ":RULE-003:LOCK:" + source + ":" + index + "\",\"ts\":\"" + ts
                + "\",\"accountId\":" + account + ",\"rule\":\"RULE-003\",\"kind\":\"LOCK\",\"scope\":\"account\","
                + "\"until\":\"" + until + "\",\"reason\":\"daily realized P&L " + pnl + " reached the limit " + limit
                + "\",\"configVersion\":7}";
    }

    static String flattenJson(long account, String source, String ts, String pnl, String limit, int index) {
        return "{\"id\":\"" + account + ":RULE-003:FLATTEN:" + source + ":" + index + "\",\"ts\":\"" + ts
                + "\",\"accountId\":" + account + ",\"rule\":\"RULE-003\",\"kind\":\"FLATTEN\","
                + "\"reason\":\"daily realized P&L " + pnl + " reached the limit " + limit + "\",\"configVersion\":7}";
    }

    /** Names of the keyed states holding an entry for {@code account}, as a snapshot now would. */
    Set<String> statesHeldBy(long account) {
        operator().writeAccountState();
        return statesInBackend(account);
    }

    /** Names of the keyed states the state backend holds an entry of for {@code account} right now. */
    Set<String> statesInBackend(long account) {
        KeyedStateBackend<Long> backend = harness.getOperator().getKeyedStateBackend();
        Set<String> held = new TreeSet<>();
        for (String name : STATE_NAMES) {
            if (backend.getKeys(name, VoidNamespace.INSTANCE).anyMatch(k -> k == account)) {
                held.add(name);
            }
        }
        return held;
    }

    int numKeyedStateEntries() {
        operator().writeAccountState();
        KeyedStateBackend<Long> backend = harness.getOperator().getKeyedStateBackend();
        assertThat(backend).as("the harness runs on the heap state backend").isInstanceOf(HeapKeyedStateBackend.class);
        return ((HeapKeyedStateBackend<Long>) backend).numKeyValueStateEntries();
    }

    <T> T value(long account, ValueStateDescriptor<T> descriptor) throws Exception {
        operator().writeAccountState();
        harness.getOperator().setCurrentKey(account);
        ValueState<T> state = harness.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, descriptor);
        return state.value();
    }

    AccountValues values(long account) throws Exception {
        AccountValues v = value(account, RiskState.accountValues());
        return v == null ? AccountValues.EMPTY : v;
    }

    TimerBook engineTimers(long account) throws Exception {
        return values(account).timers();
    }

    AccountRisk operator() {
        return (AccountRisk) harness.getOperator();
    }

    // ==== EVENT_TIME ordering (replay) ==========================================================

    @Nested
    class InEventTimeOrdering {

        @BeforeEach
        void open() throws Exception {
            harness = openHarness(Ordering.EVENT_TIME);
        }

        @Test
        void nothingIsEmittedBeforeTheWatermarkPassesTheTrigger() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            assertThat(drain()).as("no watermark yet").isEmpty();
            assertThat(harness.numEventTimeTimers()).as("buffered inputs need no Flink timer").isZero();

            watermark(ms("15:20:00") - 1);
            assertThat(drain()).as("watermark one millisecond short of the breaching trade").isEmpty();

            watermark(ms("15:20:00"));
            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);
        }

        @Test
        void inputsArrivingOutOfOrderAreAppliedInTsOrder() throws Exception {
            // arrival order 4, 3, 2, 1: applied as it arrived, trade 9003 would breach (−84.50 −95.50 −120.00)
            send(3, T4);
            send(2, T3);
            send(1, T2);
            send(0, T1);
            watermark(ms("15:20:00"));

            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);
        }

        @Test
        void inputsOfOneMillisecondAreAppliedInInstantOrderNotArrivalOrder() throws Exception {
            send(0, tradeLine("15:00:00", 1001, 9001, 501, "-100.00"));
            send(1, tradeLine("15:05:00", 1001, 9002, 502, "-100.00"));
            // both instants round up to the same Flink millisecond; the later one arrives first
            send(3, tradeLine("15:20:00.000900", 1001, 9007, 507, "-95.00"));
            send(2, tradeLine("15:20:00.000300", 1001, 9004, 504, "-10.00"));
            watermark(ms("15:20:00.000900"));

            // in instant order: −210.00 at 9004, then −305.00 at 9007
            assertThat(drain()).containsExactly(
                    lockJson(1001, "trade:9007:2026-03-02T15:20:00.000900Z", "2026-03-02T15:20:00.000900Z",
                            "2026-03-02T23:00:00Z", "-305.00", "-300.00", 0),
                    flattenJson(1001, "trade:9007:2026-03-02T15:20:00.000900Z", "2026-03-02T15:20:00.000900Z",
                            "-305.00", "-300.00", 1));
        }

        @Test
        void inputsOfOneInstantAreAppliedInReplayOrderNotArrivalOrder() throws Exception {
            send(0, tradeLine("15:00:00", 1001, 9001, 501, "-200.00"));
            // same ts; seq 6 arrives before seq 5
            send(6, tradeLine("15:20:00", 1001, 9007, 507, "-95.00"));
            send(5, tradeLine("15:20:00", 1001, 9004, 504, "-10.00"));
            watermark(ms("15:20:00"));

            List<DecidedAction> out = drainDecided();
            assertThat(out).extracting(d -> d.action().id()).containsExactly(
                    "1001:RULE-003:LOCK:trade:9007:2026-03-02T15:20:00Z:0",
                    "1001:RULE-003:FLATTEN:trade:9007:2026-03-02T15:20:00Z:1");
            assertThat(out).extracting(d -> d.action().reason())
                    .containsOnly("daily realized P&L -305.00 reached the limit -300.00");
            assertThat(out).extracting(DecidedAction::phase, DecidedAction::seq, DecidedAction::index)
                    .containsExactly(tuple(DecidedAction.EVENT, 6L, 0),
                            tuple(DecidedAction.EVENT, 6L, 1));
        }

        @Test
        void reproducesTheRule003ExampleOfRules53WithItsExactIds() throws Exception {
            // the replay source: one record at a time, each followed by its monotonous watermark
            String[] lines = {T1, T2, T3, T4, T4_AGAIN, T5};
            for (int i = 0; i < lines.length; i++) {
                send(i, lines[i]);
                watermarkAfter(lines[i]);
            }
            watermark(ms("16:00:00"));
            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);

            // event 7, the clock at 23:00, only moves the watermark: it never reaches AccountRisk
            watermark(ms("23:00:00") - 1);
            assertThat(drain()).as("the reset has not come yet").isEmpty();
            watermark(ms("23:00:00"));
            List<DecidedAction> unlock = drainDecided();
            assertThat(unlock).extracting(d -> ActionJson.toJson(d.action())).containsExactly(UNLOCK_53);
            assertThat(unlock.get(0).phase()).isEqualTo(DecidedAction.TIMER);

            // event 8: trading day 03-03 at −10.00, nothing
            send(7, T6);
            control(ControlMessage.endOfReplay(at("23:30:00")), ms("23:30:00"));
            watermark(Long.MAX_VALUE);
            assertThat(drain()).isEmpty();
        }

        @Test
        void aTimerAndAnEventAtTheSameInstantRunTimerFirst() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            watermark(ms("15:20:00"));
            drain();

            // a trade stamped exactly at the reset instant, when the RULE-003 lock ends
            send(4, tradeLine("23:00:00", 1001, 9010, 510, "-310.00"));
            watermark(ms("23:00:00"));

            List<DecidedAction> out = drainDecided();
            assertThat(out).extracting(d -> ActionJson.toJson(d.action())).containsExactly(
                    UNLOCK_53,
                    lockJson(1001, "trade:9010:2026-03-02T23:00:00Z", "2026-03-02T23:00:00Z", "2026-03-03T23:00:00Z",
                            "-310.00", "-300.00", 0),
                    flattenJson(1001, "trade:9010:2026-03-02T23:00:00Z", "2026-03-02T23:00:00Z", "-310.00",
                            "-300.00", 1));
            assertThat(out).extracting(DecidedAction::phase)
                    .containsExactly(DecidedAction.TIMER, DecidedAction.EVENT, DecidedAction.EVENT);
        }

        @Test
        void anEventJustBeforeATimerInTheSameMillisecondRunsFirst() throws Exception {
            // lock until 23:00; a position opened at 22:59:59.9995 shares the Flink millisecond of that timer
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            send(4, positionLine("22:59:59.9995", 1001, 1, MNQ, 1, 1, "21000.00"));
            // the replay ends there (an open position would otherwise schedule a session-end check every day)
            control(ControlMessage.endOfReplay(at("23:00:00")), ms("23:00:00"));
            watermark(Long.MAX_VALUE);

            // still locked at 22:59:59.9995 (until is exclusive): lock enforcement closes it; then the UNLOCK
            assertThat(drainIds()).containsExactly(
                    "1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0",
                    "1001:RULE-003:FLATTEN:trade:9004:2026-03-02T15:20:00Z:1",
                    "1001:RULE-003:CLOSE_POSITION:position:1:2026-03-02T22:59:59.999500Z:0",
                    "1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0");
        }

        @Test
        void timersAfterTheReplayHorizonDoNotFireEvenAtTheFinalWatermark() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            send(4, T5);
            control(ControlMessage.endOfReplay(at("16:00:00")), ms("16:00:00"));
            watermark(Long.MAX_VALUE);

            assertThat(drain()).as("the UNLOCK at 23:00 is after the horizon 16:00").containsExactly(LOCK_53,
                    FLATTEN_53);
        }

        @Test
        void aTimerDueExactlyAtTheReplayHorizonFires() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            control(ControlMessage.endOfReplay(at("23:00:00")), ms("23:00:00"));
            watermark(Long.MAX_VALUE);

            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53, UNLOCK_53);
        }

        @Test
        void noStateAndNoTimersAreLeftBehindOnceThePositionIsClosedAndTheLockHasExpired() throws Exception {
            long account = 2002;
            send(0, tradeLine("15:00:00", account, 9201, 801, "-520.00"));
            quote(1, "15:04:59", MNQ, "21000.25");
            send(2, positionLine("15:05:00", account, 1, MNQ, 1, 1, "21000.00"));
            quote(3, "15:05:00.500", MNQ, "21000.50");
            send(4, orderLine("15:05:30", account, 611, MNQ, 1, 1, 0, "null"));
            watermark("15:05:30");
            assertThat(statesHeldBy(account)).as("while the position is open and the order working")
                    .contains("positions", "orders", "account-values");
            AccountValues v = values(account);
            assertThat(v.locks().isEmpty()).isFalse();
            assertThat(v.pending().isEmpty()).isFalse();
            assertThat(v.holdings()).containsOnlyKeys(MNQ);
            assertThat(engineTimers(account).scheduled()).as("lock expiry, session-end check, trade memory expiry")
                    .containsExactlyInAnyOrder(at("23:00:00"), at("21:01:00"), at("2026-03-03T23:00:00Z"));
            assertThat(operator().engineTimers()).isEqualTo(3);

            send(5, positionLine("15:05:31", account, 1, MNQ, 1, 0, "0"));
            send(6, orderLine("15:05:32", account, 611, MNQ, 3, 1, 0, "null"));
            watermark("15:05:32");
            assertThat(drainDecided()).extracting(d -> d.action().kind()).containsExactly(ActionKind.LOCK,
                    ActionKind.FLATTEN, ActionKind.CLOSE_POSITION, ActionKind.CANCEL_ORDER);
            assertThat(statesHeldBy(account)).as("after the close and the cancel")
                    .doesNotContain("positions", "orders", "replay-buffer");
            assertThat(values(account).holdings()).isEmpty();
            assertThat(values(account).pending().isEmpty()).isTrue();
            assertThat(engineTimers(account).scheduled()).as("the session-end check lapsed with the position")
                    .containsExactlyInAnyOrder(at("23:00:00"), at("2026-03-03T23:00:00Z"));
            assertThat(operator().engineTimers()).isEqualTo(2);

            // the lock expires at the 23:00 reset
            watermark("23:00:00");
            assertThat(drainDecided()).extracting(d -> d.action().kind()).containsExactly(ActionKind.UNLOCK);
            // gone: the position, the lock, the pending enforcement, the buffered triggers; kept until it
            // expires: the trade memory (trade ids, order loss, fills, day figures) and its housekeeping
            // timer; kept for good: the id cursor
            assertThat(statesHeldBy(account)).containsExactlyInAnyOrder("trades", "order-losses", "fills",
                    "account-values");
            assertThat(values(account).locks().isEmpty()).isTrue();
            assertThat(engineTimers(account).scheduled()).containsExactly(at("2026-03-03T23:00:00Z"));

            // trade memory expires at the second reset after the trade
            watermark("2026-03-03T23:00:00Z");
            assertThat(drain()).isEmpty();
            assertThat(statesHeldBy(account)).containsExactly("account-values");
            assertThat(values(account)).isEqualTo(AccountValues.EMPTY.withIdCursor(values(account).idCursor()));
            assertThat(numKeyedStateEntries()).isEqualTo(1);
            assertThat(operator().engineTimers()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }

        @Test
        void aSnapshotTakenMidLockRestoresWithTheUnlockAtTheRightInstantAndId() throws Exception {
            String[] lines = {T1, T2, T3, T4, T4_AGAIN, T5};
            for (int i = 0; i < lines.length; i++) {
                send(i, lines[i]);
                watermarkAfter(lines[i]);
            }
            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);
            // still buffered at the snapshot: T5 (16:00) and a new day's breach at 23:30
            send(6, tradeLine("23:30:00", 1001, 9006, 506, "-310.00"));
            assertThat(operator().engineTimers()).as("23:00 lock expiry, 03-03 23:00 trade memory").isEqualTo(2);
            assertThat(statesInBackend(1001)).as("written behind: the lock is in memory only until a snapshot")
                    .doesNotContain("account-values");

            OperatorSubtaskState snapshot = harness.snapshot(1L, ms("16:00:00"));
            harness.close();
            harness = restoredHarness(Ordering.EVENT_TIME, snapshot);

            assertThat(operator().engineTimers()).as("rebuilt from the account's timer book").isEqualTo(2);
            watermark(ms("23:00:00") - 1);
            assertThat(drain()).as("before the reset").isEmpty();

            watermark(ms("23:00:00"));
            assertThat(drain()).containsExactly(UNLOCK_53);

            watermark(ms("23:30:00"));
            assertThat(drain()).containsExactly(
                    lockJson(1001, "trade:9006:2026-03-02T23:30:00Z", "2026-03-02T23:30:00Z", "2026-03-03T23:00:00Z",
                            "-310.00", "-300.00", 0),
                    flattenJson(1001, "trade:9006:2026-03-02T23:30:00Z", "2026-03-02T23:30:00Z", "-310.00",
                            "-300.00", 1));
        }

        @Test
        void anInputAddedAfterASnapshotToAWaitingMillisecondLeavesNothingBehindOnceApplied() throws Exception {
            sendAt(0, at("15:00:00"), tradeLine("15:00:00", 1001, 9001, 501, "-100.00"));
            harness.snapshot(1L, ms("14:59:00"));
            sendAt(1, at("15:00:00"), tradeLine("15:00:00", 1001, 9002, 502, "-100.00"));
            watermark(ms("15:00:00"));

            assertThat(statesInBackend(1001)).as("a restore would apply the first input again")
                    .doesNotContain("replay-buffer");
        }

        @Test
        void theReplayHorizonSurvivesASnapshot() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            control(ControlMessage.endOfReplay(at("16:00:00")), ms("16:00:00"));
            watermark(ms("15:20:00"));
            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);

            OperatorSubtaskState snapshot = harness.snapshot(1L, ms("15:20:00"));
            harness.close();
            harness = restoredHarness(Ordering.EVENT_TIME, snapshot);
            watermark(Long.MAX_VALUE);

            assertThat(drain()).isEmpty();
        }
    }

    // ==== ARRIVAL ordering (live) ===============================================================

    @Nested
    class InArrivalOrdering {

        @BeforeEach
        void open() throws Exception {
            harness = openHarness(Ordering.ARRIVAL);
        }

        @Test
        void actionsComeImmediatelyWithoutWaitingForAWatermark() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            assertThat(drain()).isEmpty();

            send(3, T4);
            assertThat(drain()).containsExactly(LOCK_53, FLATTEN_53);
        }

        @Test
        void anAccountsStateReachesTheBackendBetweenRecordsNotAtEachTrigger() throws Exception {
            send(0, T1);
            send(1, T2);
            assertThat(statesInBackend(1001)).as("kept in memory after the triggers").isEmpty();

            harness.setProcessingTime(harness.getProcessingTime() + 25);

            assertThat(statesInBackend(1001)).as("written by the next write pass")
                    .contains("account-values", "trades");
            assertThat(operator().unwrittenAccounts()).isZero();
        }

        @Test
        void anAccountLeavingTheRecentlyTriggeredOnesIsWrittenAtOnce() throws Exception {
            send(0, tradeLine("15:00:00", 1001, 9001, 501, "-100.00"));
            for (int i = 1; i < RecentAccounts.CAPACITY; i++) {
                send(i, tradeLine("15:00:01", 5000 + i, 9001, 501, "-10.00"));
            }
            assertThat(statesInBackend(1001)).as("still among the recent ones").isEmpty();

            send(RecentAccounts.CAPACITY, tradeLine("15:00:02", 1002, 9001, 501, "-10.00"));

            assertThat(statesInBackend(1001)).contains("account-values", "trades", "fills");
            assertThat(operator().unwrittenAccounts()).isEqualTo(RecentAccounts.CAPACITY);
            assertThat(values(1001).day()).as("what the trigger left").isNotEqualTo(AccountValues.EMPTY.day());
        }

        @Test
        void aLateEventIsEvaluatedAtTheAccountsCurrentEventTime() throws Exception {
            send(0, tradeLine("15:00:00", 1001, 9001, 501, "-100.00"));
            send(1, tradeLine("15:20:00", 1001, 9002, 502, "-100.00"));
            // stamped 15:10, arriving after the account's 15:20 trade
            send(2, tradeLine("15:10:00", 1001, 9003, 503, "-150.00"));

            List<DecidedAction> out = drainDecided();
            assertThat(out).extracting(d -> ActionJson.toJson(d.action())).containsExactly(
                    lockJson(1001, "trade:9003:2026-03-02T15:20:00Z", "2026-03-02T15:20:00Z", "2026-03-02T23:00:00Z",
                            "-350.00", "-300.00", 0),
                    flattenJson(1001, "trade:9003:2026-03-02T15:20:00Z", "2026-03-02T15:20:00Z", "-350.00",
                            "-300.00", 1));
        }

        @Test
        void aLateEventFromThePreviousTradingDayCountsInTheCurrentOne() throws Exception {
            send(0, tradeLine("23:10:00", 1001, 9001, 501, "null"));   // trading day 03-03
            send(1, tradeLine("22:50:00", 1001, 9002, 502, "-310.00")); // stamped in trading day 03-02

            assertThat(drain()).containsExactly(
                    lockJson(1001, "trade:9002:2026-03-02T23:10:00Z", "2026-03-02T23:10:00Z", "2026-03-03T23:00:00Z",
                            "-310.00", "-300.00", 0),
                    flattenJson(1001, "trade:9002:2026-03-02T23:10:00Z", "2026-03-02T23:10:00Z", "-310.00",
                            "-300.00", 1));
        }

        @Test
        void dueTimersFireBeforeALaterEventEvenWithoutAWatermark() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            drain();

            send(4, tradeLine("23:30:00", 1001, 9006, 506, "-310.00"));
            assertThat(drain()).containsExactly(UNLOCK_53,
                    lockJson(1001, "trade:9006:2026-03-02T23:30:00Z", "2026-03-02T23:30:00Z", "2026-03-03T23:00:00Z",
                            "-310.00", "-300.00", 0),
                    flattenJson(1001, "trade:9006:2026-03-02T23:30:00Z", "2026-03-02T23:30:00Z", "-310.00",
                            "-300.00", 1));
        }

        @Test
        void anIdleAccountsTimerFiresOnTheWatermark() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            drain();

            watermark(ms("23:00:00") - 1);
            assertThat(drain()).isEmpty();
            watermark(ms("23:00:00"));
            assertThat(drain()).containsExactly(UNLOCK_53);
        }

        /**
         * RULES.md §1.3: a timer at T fires only once event time has reached T, and an event older than the
         * current event time is evaluated at the current event time. So once the 23:00 lock expiry has fired
         * (and its UNLOCK gone out with ts 23:00), a trade stamped 22:59 that arrives is evaluated at 23:00,
         * not at 22:59: the account's current event time includes the timer instants it has processed.
         */
        @Test
        void aLateEventArrivingAfterATimerFiredIsNotEvaluatedBeforeThatTimer() throws Exception {
            send(0, T1);
            send(1, T2);
            send(2, T3);
            send(3, T4);
            drain();
            watermark(ms("23:00:00"));
            assertThat(drain()).containsExactly(UNLOCK_53);

            // Event time has reached 23:00 (the lock-expiry timer fired there), so a trade stamped 22:59
            // that arrives now counts as current (RULES.md §1.3): trading day 03-03, where −310.00 breaches.
            sendAt(4, at("22:59:00"), tradeLine("22:59:00", 1001, 9006, 506, "-310.00"));

            List<Action> out = drainDecided().stream().map(DecidedAction::action).toList();
            assertThat(out).as("actions of the late trade (day figures after it: %s)", values(1001).day())
                    .isNotEmpty();
            assertThat(out).extracting(Action::ts).as("evaluated no earlier than the UNLOCK already emitted")
                    .allSatisfy(ts -> assertThat(ts).isAfterOrEqualTo(at("23:00:00")));
            assertThat(out).extracting(d -> ActionJson.toJson(d)).containsExactly(
                    lockJson(1001, "trade:9006:2026-03-02T23:00:00Z", "2026-03-02T23:00:00Z", "2026-03-03T23:00:00Z",
                            "-310.00", "-300.00", 0),
                    flattenJson(1001, "trade:9006:2026-03-02T23:00:00Z", "2026-03-02T23:00:00Z", "-310.00",
                            "-300.00", 1));
        }
    }
}
