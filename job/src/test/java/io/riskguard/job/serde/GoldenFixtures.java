package io.riskguard.job.serde;

import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DecisionCause;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.fanout.MarkHistory;
import io.riskguard.job.control.ControlVerifier;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ContractMarks;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.job.model.ReplayOutput;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.market.QuietBand;
import io.riskguard.market.QuoteState;
import io.riskguard.sinks.jdbc.ConfigAudit;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.DayFigures;
import io.riskguard.state.Fill;
import io.riskguard.state.FillLog;
import io.riskguard.state.Holding;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.LockRecord;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import io.riskguard.state.TimerBook;
import io.riskguard.state.TradeRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The golden-byte fixtures {@link GoldenBytesTest} checks: for each serializer's current format and
 * each older format it still reads, the values its checked-in bytes hold. Representative values set
 * every field, and where a field is nullable or a value has variants (event kinds, action kinds, a
 * quote or a control message) the fixture holds several values, written back to back, so that every
 * branch of the format is pinned. The values are frozen: changing one changes its fixture's bytes.
 */
final class GoldenFixtures {

    private GoldenFixtures() {}

    /** Writes the bytes of a format the serializer no longer writes, as the release that wrote it did. */
    interface Layout {
        void write(DataOutputView out) throws IOException;
    }

    /**
     * One fixture file, {@code <Serializer>-v<version>.bin}: {@code values} serialized back to back.
     * A current fixture is written by the serializer itself; an older one by its {@code layout}, or,
     * once a format moves on, by nobody: its checked-in file is then the only record of that format.
     */
    record Fixture<T>(TypeSerializer<T> serializer, int version, boolean current, List<T> values, Layout layout) {

        String file() {
            return serializerName() + "-v" + version + ".bin";
        }

        String serializerName() {
            return serializer.getClass().getSimpleName();
        }

        @Override
        public String toString() {
            return file();
        }
    }

    @SafeVarargs
    static <T> Fixture<T> current(TypeSerializer<T> serializer, int version, T... values) {
        return new Fixture<>(serializer, version, true, List.of(values), null);
    }

    /** Bytes of an older format, which the serializer must still read as {@code values}. */
    @SafeVarargs
    static <T> Fixture<T> older(TypeSerializer<T> serializer, int version, Layout layout, T... values) {
        return new Fixture<>(serializer, version, false, List.of(values), layout);
    }

    // ---- building blocks ------------------------------------------------------------------------

    static final Instant T = Instant.parse("2026-03-02T15:20:00Z");
    static final Instant T_NANOS = Instant.parse("2026-03-02T15:20:00.000000123Z");
    static final Instant T_MICROS = Instant.parse("2026-03-02T15:20:00.000300Z");
    static final Instant CLOSE = Instant.parse("2026-03-02T23:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";
    static final String CL = "CON.F.US.CL.J26";

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    /** Too wide for a long: the decimal's other encoding. */
    static final BigDecimal HUGE = dec("-123456789012345678901234567890.123456789");

    static final String POSITION_RAW = "{\"type\":\"position\",\"ts\":\"2026-03-02T15:20:00Z\",\"accountId\":1001,"
            + "\"data\":{\"id\":66001,\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"type\":1,\"size\":2,"
            + "\"averagePrice\":21010.25}}";

    // Events as they travel: only a position event keeps its raw line.
    static final AccountEvent ACCOUNT_EVENT = new AccountEvent(T, 1001, false, "");
    static final OrderEvent ORDER_EVENT = new OrderEvent(T_MICROS, 1001, 77002, MNQ, 1, 3, 0, 3, dec("21000.00"),
            dec("20999.50"), 1L, dec("20999.75"), "tag-ü€", "");
    static final OrderEvent ORDER_EVENT_SPARSE =
            new OrderEvent(T, 1001, 77001, MNQ, 2, 2, 1, 1, null, null, null, null, null, "");
    static final PositionEvent POSITION_EVENT =
            new PositionEvent(T, 1001, 66001, MNQ, 1, 2, dec("21010.25"), POSITION_RAW);
    static final TradeEvent TRADE_EVENT = new TradeEvent(T_NANOS, 1001, 88002, MNQ, dec("21010.25"), dec("-42.50"),
            dec("0.74"), 1, 5, true, 77002, "");
    static final TradeEvent TRADE_EVENT_OPENING =
            new TradeEvent(T, 1001, 88001, MNQ, dec("21010.25"), null, dec("0"), 0, 1, false, 77001, "");
    static final QuoteEvent QUOTE_EVENT = new QuoteEvent(T_NANOS, MNQ, dec("21011.00"), dec("21010.75"), HUGE, "");
    static final QuoteEvent QUOTE_EVENT_EMPTY = new QuoteEvent(T, ES, null, null, null, "");
    static final ClockEvent CLOCK_EVENT = new ClockEvent(T_MICROS, "");

    static final QuoteState QUOTE = new QuoteState(dec("21000.50"), dec("21000.25"), HUGE, T_MICROS);
    static final QuoteState QUOTE_SPARSE = new QuoteState(null, dec("5950.00"), null, null);

    static final Action MODIFY = new Action("2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:20Z:0",
            T_NANOS, 2002, 12, ActionKind.MODIFY_STOP, null, MNQ, null, 1201L, dec("21001.50"),
            "trailing stop — “best” ü", 8, DecisionCause.TRAILING_STOP);
    static final Action REDUCE = new Action("2002:RULE-001:REDUCE_POSITION:position:1:2026-03-02T15:20:00Z:0", T,
            2002, 1, ActionKind.REDUCE_POSITION, null, ES, 1L, null, null, "net 6 exceeds the limit 5", 8, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    static final Action LOCK = new Action("1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0", T, 1001, 3,
            ActionKind.LOCK, CLOSE, null, null, null, null, "daily realized P&L -300.00 reached the limit -300.00", 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    static final Action UNLOCK = new Action("1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0", CLOSE, 1001, 3,
            ActionKind.UNLOCK, null, null, null, null, null, "lock of RULE-003 ended at 2026-03-02T23:00:00Z", 7, DecisionCause.LOCK_EXPIRED);

    static final DeadLetter REJECTED = DeadLetter.rejected(InputCause.UNPARSEABLE_JSON, "unparseable JSON", "{not json");
    static final DeadLetter WARNING = DeadLetter.warning(InputCause.NO_INSTRUMENT_ENTRY,
            "no instruments entry for root ZZ; RULE-004/005/012 skip CON.F.US.ZZ.H26", "");

    /** An action as format 1 reads it: without its cause. */
    static Action withoutCause(Action a) {
        return new Action(a.id(), a.ts(), a.accountId(), a.rule(), a.kind(), a.until(), a.contractId(), a.size(),
                a.orderId(), a.stopPrice(), a.reason(), a.configVersion(), DecisionCause.UNKNOWN);
    }

    /** A dead letter as format 1 reads it: without its cause. */
    static DeadLetter withoutCause(DeadLetter d) {
        return new DeadLetter(d.kind(), InputCause.UNKNOWN, d.reason(), d.raw());
    }

    static final ControlMessage CONFIG = ControlMessage.config(8, "version: 8\ntimezone: America/Chicago\n");

    static final DayFigures DAY_FIGURES = new DayFigures(DAY, dec("-500.00"), dec("3.70"), true, false);
    static final LockBook LOCKS = new LockBook(List.of(new LockRecord(3, CLOSE), new LockRecord(10, null),
            new LockRecord(13, T_NANOS)));
    static final PendingBook PENDING = PendingBook.EMPTY.withPosition(MNQ, 0, T).withPosition(ES, 2, T_MICROS)
            .withFlatten(T_NANOS).withCancel(611, T).withCancel(612, T_NANOS)
            .withModify(1201, dec("21001.50"), T).withModify(1202, null, T_MICROS);
    static final AccountFlags FLAGS = new AccountFlags(false, Set.of(MNQ, "CON.F.US.ZZ.H26"));
    static final IdCursor ID_CURSOR = new IdCursor(T, Map.of("timer:2026-03-02T15:20:00Z", 1,
            "trade:9004:2026-03-02T15:20:00Z", 3, "quote:CON.F.US.MNQ.H26:2026-03-02T15:20:00Z", 0));
    static final TimerBook TIMERS = new TimerBook(Set.of(T_NANOS, CLOSE, Instant.parse("2026-03-03T23:00:00Z")));

    static final Holding BAND_HOLDING = new Holding(new QuietBand(20990.25, 21010.5, T_NANOS), true, 17);
    static final AccountValues ACCOUNT_VALUES = AccountValues.EMPTY.withDay(DAY_FIGURES).withLocks(LOCKS)
            .withPending(PENDING).withFlags(FLAGS).withIdCursor(ID_CURSOR).withTimers(TIMERS)
            .withHoldings(Map.of(MNQ, BAND_HOLDING, ES, new Holding(QuietBand.ALWAYS, false, 0),
                    CL, new Holding(QuietBand.NEVER, true, Long.MAX_VALUE)))
            .withPositionContracts(Set.of(MNQ, ES, CL)).withOrderIds(Set.of(611L, 612L, 1201L))
            .withEventTime(T_NANOS);

    // ---- the fixtures ---------------------------------------------------------------------------

    static List<Fixture<?>> all() {
        return List.of(
                // persisted: AccountRisk's keyed state (RiskState)
                current(PositionStateSerializer.INSTANCE, 1,
                        new PositionState(ES, 66002, PositionState.SHORT, 3, dec("5999.25"), T_NANOS, dec("5990.50"),
                                Instant.parse("2026-03-02T15:20:30.000000123Z")),
                        new PositionState(MNQ, 66001, PositionState.LONG, 1, dec("21000.00"), T, null, null)),
                current(OrderStateSerializer.INSTANCE, 1,
                        new OrderState(612, ES, OrderState.STATUS_OPEN, OrderState.TYPE_STOP_LIMIT,
                                OrderState.SIDE_SELL, 2, dec("5990.25"), dec("5991.00"), 1L, dec("5990.25"), T_MICROS),
                        new OrderState(611, MNQ, OrderState.STATUS_PENDING, OrderState.TYPE_STOP, OrderState.SIDE_BUY,
                                1, null, null, null, null, null)),
                current(TradeRecordSerializer.INSTANCE, 1,
                        new TradeRecord(9002, 612, T_NANOS, true, dec("-120.00"), dec("0.74")),
                        new TradeRecord(9001, 611, T, false, null, HUGE)),
                current(OrderLossSerializer.INSTANCE, 1,
                        new OrderLoss(502, dec("-250.00"), dec("-200.00"), T_NANOS),
                        new OrderLoss(501, dec("-120.00"), null, null)),
                current(FillLogSerializer.INSTANCE, 1, new FillLog(List.of(new Fill(9001, 611, T, true),
                        new Fill(9002, 612, T_NANOS, false), new Fill(9003, 612, T_MICROS, true)))),
                current(AccountValuesSerializer.INSTANCE, 2, ACCOUNT_VALUES, AccountValues.EMPTY),
                older(AccountValuesSerializer.INSTANCE, 1, GoldenFixtures::accountValuesV1,
                        ACCOUNT_VALUES.withEventTime(T)),
                current(AccountInputSerializer.INSTANCE, 1,   // replay buffer elements
                        AccountInput.event(1001, 0, T, ACCOUNT_EVENT),
                        AccountInput.event(1001, 1, T_MICROS, ORDER_EVENT),
                        AccountInput.event(1001, 2, T, ORDER_EVENT_SPARSE),
                        AccountInput.event(1001, 3, T_NANOS, TRADE_EVENT),
                        AccountInput.event(1001, 4, T_NANOS, TRADE_EVENT_OPENING),
                        AccountInput.position(1001, 5, T_NANOS, POSITION_EVENT, MNQ, QUOTE),
                        AccountInput.position(1001, 6, T, POSITION_EVENT, MNQ, null),
                        AccountInput.mark(2002, Long.MAX_VALUE, T_MICROS, ES, QUOTE_SPARSE)),
                // the values of format 1's separate ValueStates (RiskState.Legacy), nested in AccountValues now
                current(DayFiguresSerializer.INSTANCE, 1, DAY_FIGURES, DayFigures.EMPTY),
                current(LockBookSerializer.INSTANCE, 1, LOCKS),
                current(PendingBookSerializer.INSTANCE, 1, PENDING, PendingBook.EMPTY),
                current(AccountFlagsSerializer.INSTANCE, 1, FLAGS, new AccountFlags(true, Set.of()), AccountFlags.EMPTY),
                current(IdCursorSerializer.INSTANCE, 1, ID_CURSOR, IdCursor.EMPTY),
                current(TimerBookSerializer.INSTANCE, 1, TIMERS),
                // persisted: quotes, marks, buffers and control
                current(QuoteStateSerializer.INSTANCE, 1, QUOTE, QUOTE_SPARSE),
                current(MarketInputSerializer.INSTANCE, 1,   // quote buffer elements
                        MarketInput.quote(MNQ, 4, T_NANOS, QUOTE), MarketInput.quote(ES, 5, T, QUOTE_SPARSE),
                        MarketInput.control(CONFIG), MarketInput.control(ControlMessage.endOfReplay(CLOSE))),
                current(ContractMarksSerializer.INSTANCE, 1,
                        new ContractMarks(ES, new MarkHistory.Snapshot(42,
                                List.of(new MarkHistory.Entry(3, dec("6001.25")), new MarkHistory.Entry(9, HUGE)),
                                List.of(new MarkHistory.Entry(9, dec("5999.5")), new MarkHistory.Entry(41, dec("5990"))))),
                        new ContractMarks(MNQ, new MarkHistory.Snapshot(0, List.of(), List.of()))),
                current(ContractInputSerializer.INSTANCE, 1,   // contract buffer elements
                        new ContractInput(MNQ, 0, T, POSITION_EVENT), new ContractInput(MNQ, 1, T_NANOS, QUOTE_EVENT),
                        new ContractInput(ES, 2, T_MICROS, QUOTE_EVENT_EMPTY)),
                current(ControlMessageSerializer.INSTANCE, 2, new ControlMessage(T_NANOS, 8, "version: 8\n"), CONFIG,
                        ControlMessage.endOfReplay(T_NANOS), ControlMessage.endOfReplay(null)),
                older(ControlMessageSerializer.INSTANCE, 1, GoldenFixtures::controlMessageV1,
                        ControlMessage.endOfReplay(T_NANOS), ControlMessage.endOfReplay(null)),
                // records between operators only: persisted if checkpoints ever capture in-flight data
                current(SourceRecordSerializer.INSTANCE, 2,
                        SourceRecord.accepted(0, T, ACCOUNT_EVENT), SourceRecord.accepted(1, T_MICROS, ORDER_EVENT),
                        SourceRecord.accepted(2, T, POSITION_EVENT), SourceRecord.accepted(3, T_MICROS, TRADE_EVENT),
                        SourceRecord.accepted(4, T_NANOS, QUOTE_EVENT), SourceRecord.accepted(5, T, CLOCK_EVENT),
                        SourceRecord.rejected(6, T, InputCause.UNKNOWN_ENVELOPE_FIELD, "unknown envelope field \"x\"",
                                "{\"x\":1}"),
                        SourceRecord.endOfInput(7, CLOSE)),
                older(SourceRecordSerializer.INSTANCE, 1, null,
                        SourceRecord.accepted(0, T, ACCOUNT_EVENT), SourceRecord.accepted(1, T_MICROS, ORDER_EVENT),
                        SourceRecord.accepted(2, T, POSITION_EVENT), SourceRecord.accepted(3, T_MICROS, TRADE_EVENT),
                        SourceRecord.accepted(4, T_NANOS, QUOTE_EVENT), SourceRecord.accepted(5, T, CLOCK_EVENT),
                        SourceRecord.rejected(6, T, InputCause.UNKNOWN, "unknown envelope field \"x\"", "{\"x\":1}"),
                        SourceRecord.endOfInput(7, CLOSE)),
                current(ActionSerializer.INSTANCE, 2, MODIFY, REDUCE, LOCK, UNLOCK),
                older(ActionSerializer.INSTANCE, 1, null, withoutCause(MODIFY), withoutCause(REDUCE),
                        withoutCause(LOCK), withoutCause(UNLOCK)),
                current(DecidedActionSerializer.INSTANCE, 2, new DecidedAction(MODIFY, DecidedAction.EVENT, 17, 2),
                        new DecidedAction(UNLOCK, DecidedAction.TIMER, 0, 0)),
                older(DecidedActionSerializer.INSTANCE, 1, null,
                        new DecidedAction(withoutCause(MODIFY), DecidedAction.EVENT, 17, 2),
                        new DecidedAction(withoutCause(UNLOCK), DecidedAction.TIMER, 0, 0)),
                current(DeadLetterSerializer.INSTANCE, 2, REJECTED, WARNING),
                older(DeadLetterSerializer.INSTANCE, 1, null, withoutCause(REJECTED), withoutCause(WARNING)),
                current(DeadLetterRecordSerializer.INSTANCE, 2, new DeadLetterRecord(7, REJECTED),
                        new DeadLetterRecord(Long.MAX_VALUE, WARNING)),
                older(DeadLetterRecordSerializer.INSTANCE, 1, null, new DeadLetterRecord(7, withoutCause(REJECTED)),
                        new DeadLetterRecord(Long.MAX_VALUE, withoutCause(WARNING))),
                current(ReplayOutputSerializer.INSTANCE, 2,
                        ReplayOutput.of(new DecidedAction(LOCK, DecidedAction.EVENT, 3, 0)),
                        ReplayOutput.of(new DeadLetterRecord(8, WARNING))),
                older(ReplayOutputSerializer.INSTANCE, 1, null,
                        ReplayOutput.of(new DecidedAction(withoutCause(LOCK), DecidedAction.EVENT, 3, 0)),
                        ReplayOutput.of(new DeadLetterRecord(8, withoutCause(WARNING)))),
                current(ReceivedControlSerializer.INSTANCE, 1,
                        new ControlVerifier.Received("riskguard.control/0/17", T_NANOS, "{\"version\":8}")),
                current(ConfigAuditSerializer.INSTANCE, 1,
                        new ConfigAudit("riskguard.control/0/17", T_NANOS, 8, true, "accepted", "ab12cd34"),
                        new ConfigAudit("riskguard.control/0/18", T, null, false, "config update is not JSON", null)));
    }

    // ---- older formats, as their releases wrote them ----------------------------------------------

    /** Format 1 (the release of commit 1b18304): each band with a fourth field, its staleness cutoff. */
    static void accountValuesV1(DataOutputView out) throws IOException {
        AccountValues v = ACCOUNT_VALUES.withEventTime(T);
        out.writeByte(1);
        DayFiguresSerializer.INSTANCE.serialize(v.day(), out);
        LockBookSerializer.INSTANCE.serialize(v.locks(), out);
        PendingBookSerializer.INSTANCE.serialize(v.pending(), out);
        AccountFlagsSerializer.INSTANCE.serialize(v.flags(), out);
        IdCursorSerializer.INSTANCE.serialize(v.idCursor(), out);
        TimerBookSerializer.INSTANCE.serialize(v.timers(), out);
        out.writeInt(v.holdings().size());
        for (Map.Entry<String, Holding> e : v.holdings().entrySet()) {
            Wire.writeString(e.getKey(), out);
            out.writeDouble(e.getValue().band().low());
            out.writeDouble(e.getValue().band().high());
            Wire.writeInstant(e.getValue().band().until(), out);
            Wire.writeInstant(T_MICROS, out); // the cutoff, which format 2 dropped
            out.writeBoolean(e.getValue().tracksBest());
            out.writeLong(e.getValue().since());
        }
        out.writeInt(v.positionContracts().size());
        for (String c : v.positionContracts()) {
            Wire.writeString(c, out);
        }
        out.writeInt(v.orderIds().size());
        for (long id : v.orderIds()) {
            out.writeLong(id);
        }
        Wire.writeInstant(v.eventTime(), out);
    }

    /** Format 1: the replay horizon only. */
    static void controlMessageV1(DataOutputView out) throws IOException {
        out.writeByte(1);
        Wire.writeInstant(T_NANOS, out);
        out.writeByte(1);
        Wire.writeInstant(null, out);
    }
}
