package io.riskguard.job.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DecisionCause;
import io.riskguard.contract.Event;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.ContractMarks;
import io.riskguard.job.model.MarketInput;
import io.riskguard.fanout.MarkHistory;
import io.riskguard.market.QuietBand;
import io.riskguard.state.Holding;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.ReplayOutput;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.market.QuoteState;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.DayFigures;
import io.riskguard.state.Fill;
import io.riskguard.state.FillLog;
import io.riskguard.state.IdCursor;
import io.riskguard.job.control.ControlVerifier;
import io.riskguard.sinks.jdbc.ConfigAudit;
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
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-written serializer in {@code serde/} (DESIGN.md "State": explicit, evolvable serializers,
 * no Kryo): representative values round-trip exactly (nulls, decimal scale, large unscaled values,
 * sub-millisecond instants, empty and non-empty collections), copying between views works, the
 * serializer snapshot restores an equal serializer, and every value starts with a format version byte
 * that a release refuses, with a clear IOException, when it is newer than it reads.
 */
class SerializersTest {

    // ---- representative values ---------------------------------------------------------------

    static final Instant T = Instant.parse("2026-03-02T15:20:00Z");
    static final Instant T_MICROS = Instant.parse("2026-03-02T15:20:00.000300Z");
    static final Instant T_NANOS = Instant.parse("2026-03-02T15:20:00.000000123Z");
    static final Instant T_BEFORE_EPOCH = Instant.ofEpochSecond(-1, 999_999_999);
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    /** An unscaled value of 2^63: one bit too wide for a long. */
    static final BigDecimal TWO_POW_63 = new BigDecimal(BigInteger.ONE.shiftLeft(63), 2);
    static final BigDecimal HUGE = dec("-123456789012345678901234567890.123456789");
    static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE, 4);
    static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE, 0);

    static final String POSITION_RAW = "{\"type\":\"position\",\"ts\":\"2026-03-02T15:20:00Z\",\"accountId\":1001,"
            + "\"data\":{\"id\":66001,\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"type\":1,\"size\":2,"
            + "\"averagePrice\":21010.25}}";

    /** Events as they travel: only a position event keeps its raw line (see EventWire). */
    static List<Event> events() {
        return List.of(
                new AccountEvent(T, 1001, true, ""),
                new AccountEvent(T_NANOS, 2002, false, ""),
                new OrderEvent(T, 1001, 77001, MNQ, 1, 4, 1, 2, null, dec("20990.75"), null, null, null, ""),
                new OrderEvent(T_MICROS, 1001, 77002, MNQ, 2, 1, 0, 3, dec("21000.00"), null, 3L, dec("20999.50"),
                        "tag-ü€", ""),
                new PositionEvent(T, 1001, 66001, MNQ, 1, 2, dec("21010.25"), POSITION_RAW),
                new PositionEvent(T_NANOS, 1001, 66001, MNQ, 0, 0, dec("0"), ""),
                new TradeEvent(T, 1001, 88001, MNQ, dec("21010.25"), null, dec("0"), 1, 1, false, 77001, ""),
                new TradeEvent(T_MICROS, 1001, 88002, MNQ, dec("21010.25"), dec("-42.50"), dec("0.74"), 0, 5, true,
                        77002, ""),
                new QuoteEvent(T, MNQ, null, null, null, ""),
                new QuoteEvent(T_NANOS, MNQ, dec("21011.00"), dec("21010.75"), HUGE, ""),
                new ClockEvent(T, ""));
    }

    static final QuoteState QUOTE = new QuoteState(dec("21000.50"), dec("21000.25"), dec("21000.75"), T_MICROS);
    static final QuoteState QUOTE_SPARSE = new QuoteState(null, dec("20950.00"), null, T);

    static final Action LOCK = new Action("1001:RULE-003:LOCK:trade:9004:2026-03-02T15:20:00Z:0", T, 1001, 3,
            ActionKind.LOCK, Instant.parse("2026-03-02T23:00:00Z"), null, null, null, null,
            "daily realized P&L -300.00 reached the limit -300.00", 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED);
    static final Action LOCK_UNTIL_NULL = new Action("2002:RULE-010:LOCK:account:2002:2026-03-02T15:05:00Z:0", T,
            2002, 10, ActionKind.LOCK, null, null, null, null, null, "broker reports canTrade=false", 7, DecisionCause.BROKER_TRADING_DISABLED);
    static final Action REDUCE = new Action("2002:RULE-001:REDUCE_POSITION:position:1:2026-03-02T15:20:00.000300Z:0",
            T_MICROS, 2002, 1, ActionKind.REDUCE_POSITION, null, MNQ, 1L, null, null, "net 6 exceeds the limit 5",
            Integer.MAX_VALUE, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    static final Action CANCEL = new Action("2002:RULE-011:CANCEL_ORDER:order:1101:2026-03-02T15:00:05Z:0", T, 2002,
            11, ActionKind.CANCEL_ORDER, null, "CON.F.US.CL.J26", null, 1101L, null, "blocked root CL — “CL*” ü", 1, DecisionCause.SYMBOL_BLOCKED);
    static final Action MODIFY = new Action("2002:RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:2026-03-02T15:00:20Z:0",
            T, 2002, 12, ActionKind.MODIFY_STOP, null, MNQ, null, 1201L, dec("21001.5"), "trailing", 7, DecisionCause.TRAILING_STOP);
    static final Action UNLOCK = new Action("1001:RULE-003:UNLOCK:timer:2026-03-02T23:00:00Z:0",
            Instant.parse("2026-03-02T23:00:00Z"), 1001, 3, ActionKind.UNLOCK, null, null, null, null, null,
            "lock of RULE-003 ended at 2026-03-02T23:00:00Z", 7, DecisionCause.LOCK_EXPIRED);

    static final DeadLetter REJECTED = DeadLetter.rejected(InputCause.UNPARSEABLE_JSON, "unparseable JSON", "{not json");
    static final DeadLetter WARNING = DeadLetter.warning(InputCause.NO_INSTRUMENT_ENTRY,
            "no instruments entry for root ZZ; RULE-004/005/012 skip CON.F.US.ZZ.H26", "");

    record Case<T>(TypeSerializer<T> serializer, List<T> values, int version) {
        @Override
        public String toString() {
            return serializer.getClass().getSimpleName();
        }

        /** The type name the serializer uses in its version error. */
        String typeName() {
            return toString().replace("Serializer", "");
        }
    }

    static <T> Case<T> of(TypeSerializer<T> serializer, List<T> values) {
        return new Case<>(serializer, values, 1);
    }

    /** A serializer whose format has moved on: it writes {@code version} and still reads older ones. */
    static <T> Case<T> of(TypeSerializer<T> serializer, List<T> values, int version) {
        return new Case<>(serializer, values, version);
    }

    static List<Case<?>> cases() {
        List<Event> events = events();
        List<AccountInput> accountInputs = new ArrayList<>();
        long seq = 0;
        for (Event e : events) {
            if (!(e instanceof ClockEvent) && !(e instanceof QuoteEvent)) {
                accountInputs.add(AccountInput.event(1001, seq++, T, e));
            }
        }
        accountInputs.add(AccountInput.position(1001, seq++, T_NANOS, events.get(4), MNQ, QUOTE));
        accountInputs.add(AccountInput.position(1001, seq++, T, events.get(5), MNQ, null));
        accountInputs.add(AccountInput.mark(2002, Long.MAX_VALUE, T_MICROS, MNQ, QUOTE_SPARSE));

        List<SourceRecord> sourceRecords = new ArrayList<>();
        for (Event e : events) {
            sourceRecords.add(SourceRecord.accepted(seq++, e.ts(), e));
        }
        sourceRecords.add(SourceRecord.accepted(seq++, T_NANOS, events.get(6)));   // late: evalTs ≠ ts
        sourceRecords.add(SourceRecord.rejected(seq++, T, InputCause.UNKNOWN_ENVELOPE_FIELD, "unknown envelope field \"x\"", "{\"x\":1}"));
        sourceRecords.add(SourceRecord.rejected(0, null, InputCause.UNKNOWN, "unparseable JSON", ""));
        sourceRecords.add(SourceRecord.endOfInput(seq++, T_NANOS));
        sourceRecords.add(new SourceRecord(-1, null, null, null, null, null, false));

        DecidedAction decided = new DecidedAction(LOCK, DecidedAction.EVENT, 3, 0);
        return List.of(
                of(AccountFlagsSerializer.INSTANCE, List.of(AccountFlags.EMPTY, new AccountFlags(true, Set.of()),
                        new AccountFlags(false, Set.of(MNQ, ES)), new AccountFlags(null, Set.of("CON.F.US.ZZ.H26")))),
                of(AccountInputSerializer.INSTANCE, accountInputs),
                of(AccountValuesSerializer.INSTANCE, List.of(AccountValues.EMPTY,
                        AccountValues.EMPTY.withLocks(new LockBook(List.of(new LockRecord(10, null))))
                                .withTimers(new TimerBook(Set.of(T, T_NANOS)))
                                .withPending(PendingBook.EMPTY.withPosition(MNQ, 0, T))
                                .withHoldings(Map.of(MNQ, new Holding(new QuietBand(20990.25, 21010.5, T_NANOS), true, 17),
                                        ES, new Holding(QuietBand.ALWAYS, false, 0),
                                        "CON.F.US.CL.J26", new Holding(QuietBand.NEVER, true, Long.MAX_VALUE)))
                                .withDay(DayFigures.startOf(DAY)).withFlags(new AccountFlags(false, Set.of(MNQ)))
                                .withIdCursor(new IdCursor(T, Map.of("timer:2026-03-02T15:20:00Z", 1)))
                                .withPositionContracts(Set.of(MNQ, ES)).withOrderIds(Set.of(611L, Long.MAX_VALUE))
                                .withEventTime(T_NANOS)), 2),
                of(ActionSerializer.INSTANCE, List.of(LOCK, LOCK_UNTIL_NULL, REDUCE, CANCEL, MODIFY, UNLOCK,
                        new Action("1001:RULE-003:FLATTEN:x:1", T_BEFORE_EPOCH, 1001, 3, ActionKind.FLATTEN, null, null,
                                null, null, null, "", 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED),
                        new Action("2002:RULE-004:CLOSE_POSITION:x:0", T, 2002, 4, ActionKind.CLOSE_POSITION, null, ES,
                                null, null, null, "r", 7, DecisionCause.UNREALIZED_LOSS_REACHED)), 2),
                of(ContractInputSerializer.INSTANCE, List.of(new ContractInput(MNQ, 0, T, events.get(4)),
                        new ContractInput(MNQ, 1, T_NANOS, events.get(9)), new ContractInput(MNQ, 2, T, events.get(8)),
                        new ContractInput(MNQ, 3, T_MICROS, events.get(5)))),
                of(ContractMarksSerializer.INSTANCE, List.of(
                        new ContractMarks(MNQ, new MarkHistory.Snapshot(0, List.of(), List.of())),
                        new ContractMarks(ES, new MarkHistory.Snapshot(Long.MAX_VALUE,
                                List.of(new MarkHistory.Entry(3, dec("6001.25")), new MarkHistory.Entry(9, HUGE)),
                                List.of(new MarkHistory.Entry(9, dec("5999.5"))))))),
                of(ControlMessageSerializer.INSTANCE, List.of(ControlMessage.endOfReplay(T_NANOS),
                        ControlMessage.endOfReplay(null), ControlMessage.config(8, "version: 8\ntimezone: UTC\n")), 2),
                of(DayFiguresSerializer.INSTANCE, List.of(DayFigures.EMPTY, DayFigures.startOf(DAY),
                        new DayFigures(DAY, dec("-500.00"), dec("3.70"), true, false),
                        new DayFigures(LocalDate.of(1969, 12, 31), HUGE, TWO_POW_63, false, true))),
                of(DeadLetterRecordSerializer.INSTANCE, List.of(new DeadLetterRecord(0, REJECTED),
                        new DeadLetterRecord(Long.MAX_VALUE, WARNING)), 2),
                of(DeadLetterSerializer.INSTANCE, List.of(REJECTED, WARNING,
                        DeadLetter.rejected(InputCause.NON_FINITE_NUMBER, "non-finite number in data.price", "{\"raw\":\"\\u00fc €\"}")), 2),
                of(DecidedActionSerializer.INSTANCE, List.of(decided,
                        new DecidedAction(UNLOCK, DecidedAction.TIMER, 0, 0),
                        new DecidedAction(MODIFY, DecidedAction.EVENT, Long.MAX_VALUE, Integer.MAX_VALUE)), 2),
                of(FillLogSerializer.INSTANCE, List.of(FillLog.EMPTY,
                        new FillLog(List.of(new Fill(9001, 501, T, true), new Fill(9002, 502, T_NANOS, false))))),
                of(IdCursorSerializer.INSTANCE, List.of(IdCursor.EMPTY,
                        new IdCursor(T_MICROS, Map.of("trade:9004:2026-03-02T15:20:00.000300Z", 2)),
                        new IdCursor(T, Map.of("timer:2026-03-02T15:20:00Z", 1, "trade:9004:2026-03-02T15:20:00Z", 3,
                                "quote:CON.F.US.MNQ.H26:2026-03-02T15:20:00Z", 0)))),
                of(LockBookSerializer.INSTANCE, List.of(LockBook.EMPTY,
                        new LockBook(List.of(new LockRecord(3, Instant.parse("2026-03-02T23:00:00Z")),
                                new LockRecord(10, null), new LockRecord(7, T_NANOS))))),
                of(MarketInputSerializer.INSTANCE, List.of(MarketInput.quote(MNQ, 4, T_NANOS, QUOTE),
                        MarketInput.quote(ES, Long.MAX_VALUE, T, QUOTE_SPARSE),
                        MarketInput.control(ControlMessage.endOfReplay(T)),
                        MarketInput.control(ControlMessage.config(8, "version: 8\n")))),
                of(OrderLossSerializer.INSTANCE, List.of(new OrderLoss(501, dec("-120.00"), null, T),
                        new OrderLoss(502, dec("-250.00"), dec("-200.00"), T_NANOS),
                        new OrderLoss(503, dec("0"), null, null))),
                of(OrderStateSerializer.INSTANCE, List.of(
                        new OrderState(611, MNQ, 1, 4, 1, 1, null, dec("20990.00"), null, null, T),
                        new OrderState(612, ES, 0, 1, 0, 2, dec("6000.25"), null, 0L, dec("6000.25"), null),
                        new OrderState(613, MNQ, 6, 5, 1, Long.MAX_VALUE, LONG_MAX, LONG_MIN, Long.MIN_VALUE, HUGE,
                                T_BEFORE_EPOCH))),
                of(PendingBookSerializer.INSTANCE, List.of(PendingBook.EMPTY,
                        PendingBook.EMPTY.withFlatten(T_NANOS),
                        PendingBook.EMPTY.withPosition(MNQ, 0, T).withPosition(ES, 2, T_MICROS).withFlatten(T)
                                .withCancel(611, T).withCancel(612, T_NANOS)
                                .withModify(1201, dec("21001.50"), T).withModify(1202, null, T_MICROS))),
                of(PositionStateSerializer.INSTANCE, List.of(
                        new PositionState(MNQ, 1, 1, 1, dec("21000.00"), T, null, null),
                        new PositionState(ES, 2, 2, 3, dec("5999.25"), T_NANOS, dec("5990.50"),
                                Instant.parse("2026-03-02T15:20:30.000000123Z")))),
                of(QuoteStateSerializer.INSTANCE, List.of(QUOTE, QUOTE_SPARSE, new QuoteState(null, null, null, T),
                        new QuoteState(TWO_POW_63, LONG_MIN, HUGE, null))),
                of(ConfigAuditSerializer.INSTANCE, List.of(
                        new ConfigAudit("riskguard.control/0/17", T, 8, true, "accepted", "ab12"),
                        new ConfigAudit("riskguard.control/0/18", T_NANOS, null, false, "config update is not JSON",
                                null))),
                of(ReceivedControlSerializer.INSTANCE, List.of(
                        new ControlVerifier.Received("riskguard.control/0/17", T, "{\"version\":8}"),
                        new ControlVerifier.Received("riskguard.control/1/0", T_NANOS, ""))),
                of(ReplayOutputSerializer.INSTANCE, List.of(ReplayOutput.of(decided),
                        ReplayOutput.of(new DeadLetterRecord(7, REJECTED)),
                        ReplayOutput.of(new DeadLetterRecord(8, WARNING))), 2),
                of(SourceRecordSerializer.INSTANCE, sourceRecords, 2),
                of(TimerBookSerializer.INSTANCE, List.of(TimerBook.EMPTY,
                        new TimerBook(Set.of(T, T_NANOS, T_MICROS, Instant.parse("2026-03-03T23:00:00Z"))))),
                of(TradeRecordSerializer.INSTANCE, List.of(new TradeRecord(9001, 501, T, true, null, dec("0.74")),
                        new TradeRecord(9002, 502, T_NANOS, false, dec("-120.00"), dec("0")),
                        new TradeRecord(9003, 503, T, true, HUGE, TWO_POW_63))));
    }

    // ---- plumbing -----------------------------------------------------------------------------

    static <T> byte[] bytes(TypeSerializer<T> s, T v) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(v, out);
        return out.getCopyOfBuffer();
    }

    static <T> T read(TypeSerializer<T> s, byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T v = s.deserialize(in);
        assertThat(in.available()).as("bytes left after reading").isZero();
        return v;
    }

    static <T> T roundTrip(TypeSerializer<T> s, T v) throws IOException {
        return read(s, bytes(s, v));
    }

    // ---- every serializer ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void roundTripsEveryRepresentativeValueExactly(Case<T> c) throws Exception {
        for (T v : c.values()) {
            assertThat(roundTrip(c.serializer(), v)).as("%s", v).isEqualTo(v);
            assertThat(c.serializer().deserialize(null, new DataInputDeserializer(bytes(c.serializer(), v))))
                    .as("deserialize with a reuse argument: %s", v).isEqualTo(v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void copiesASerializedValueFromOneViewToAnother(Case<T> c) throws Exception {
        for (T v : c.values()) {
            DataInputDeserializer source = new DataInputDeserializer(bytes(c.serializer(), v));
            DataOutputSerializer target = new DataOutputSerializer(64);
            c.serializer().copy(source, target);
            assertThat(source.available()).as("source consumed exactly").isZero();
            assertThat(read(c.serializer(), target.getCopyOfBuffer())).as("%s", v).isEqualTo(v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void copiesTwoValuesInARowWithoutOverrunningTheFirst(Case<T> c) throws Exception {
        List<T> values = c.values();
        DataOutputSerializer both = new DataOutputSerializer(128);
        for (T v : values) {
            c.serializer().serialize(v, both);
        }
        DataInputDeserializer source = new DataInputDeserializer(both.getCopyOfBuffer());
        DataOutputSerializer target = new DataOutputSerializer(128);
        for (int i = 0; i < values.size(); i++) {
            c.serializer().copy(source, target);
        }
        DataInputDeserializer copied = new DataInputDeserializer(target.getCopyOfBuffer());
        for (T v : values) {
            assertThat(c.serializer().deserialize(copied)).isEqualTo(v);
        }
        assertThat(copied.available()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void theSnapshotRestoresAnEqualAndCompatibleSerializer(Case<T> c) throws Exception {
        TypeSerializer<T> s = c.serializer();
        TypeSerializerSnapshot<T> snapshot = s.snapshotConfiguration();
        assertThat(snapshot.restoreSerializer()).isEqualTo(s);

        // as a savepoint stores it: written with its class and version, read back by reflection
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<T> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(s);
        assertThat(s.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();

        // and a restored serializer reads what the original wrote
        for (T v : c.values()) {
            assertThat(read(read.restoreSerializer(), bytes(s, v))).isEqualTo(v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void isAnImmutableSingletonThatSurvivesJavaSerialization(Case<T> c) throws Exception {
        TypeSerializer<T> s = c.serializer();
        assertThat(s.isImmutableType()).isTrue();
        assertThat(s.duplicate()).isEqualTo(s);
        assertThat(s.getLength()).as("variable length").isEqualTo(-1);
        assertThat(InstantiationUtil.clone(s)).isEqualTo(s);
        T v = c.values().get(0);
        assertThat(s.copy(v)).isEqualTo(v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void writesItsFormatVersionAsTheFirstByte(Case<T> c) throws Exception {
        for (T v : c.values()) {
            assertThat(bytes(c.serializer(), v)[0]).as("%s", v).isEqualTo((byte) c.version());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <T> void refusesANewerFormatVersionWithAClearIOException(Case<T> c) throws Exception {
        for (int newer : new int[] {c.version() + 1, 255}) {
            byte[] b = bytes(c.serializer(), c.values().get(c.values().size() - 1));
            b[0] = (byte) newer;
            assertThatThrownBy(() -> c.serializer().deserialize(new DataInputDeserializer(b)))
                    .isInstanceOf(IOException.class)
                    .hasMessage(c.typeName() + " format version " + newer + " is newer than this release reads ("
                            + c.version() + ")");
            assertThatThrownBy(() -> c.serializer().copy(new DataInputDeserializer(b), new DataOutputSerializer(8)))
                    .as("copy reads the version too").isInstanceOf(IOException.class);
        }
    }

    @Test
    void readsAControlMessageWrittenInFormatOneAsAReplayHorizon() throws Exception {
        DataOutputSerializer v1 = new DataOutputSerializer(32);
        v1.writeByte(1);
        Wire.writeInstant(T_NANOS, v1);

        assertThat(ControlMessageSerializer.INSTANCE.deserialize(new DataInputDeserializer(v1.getCopyOfBuffer())))
                .isEqualTo(ControlMessage.endOfReplay(T_NANOS));
    }

    @Test
    void readsAccountValuesWrittenInFormatOneWhoseBandsHadAStalenessCutoff() throws Exception {
        // the layout the release of commit 1b18304 wrote: each band with a fourth field, freshFrom
        Holding holding = new Holding(new QuietBand(20990.25, 21010.5, T_NANOS), true, 17);
        DataOutputSerializer v1 = new DataOutputSerializer(256);
        v1.writeByte(1);
        DayFiguresSerializer.INSTANCE.serialize(DayFigures.startOf(DAY), v1);
        LockBookSerializer.INSTANCE.serialize(LockBook.EMPTY, v1);
        PendingBookSerializer.INSTANCE.serialize(PendingBook.EMPTY, v1);
        AccountFlagsSerializer.INSTANCE.serialize(AccountFlags.EMPTY, v1);
        IdCursorSerializer.INSTANCE.serialize(IdCursor.EMPTY, v1);
        TimerBookSerializer.INSTANCE.serialize(TimerBook.EMPTY, v1);
        v1.writeInt(1);
        Wire.writeString(MNQ, v1);
        v1.writeDouble(20990.25);
        v1.writeDouble(21010.5);
        Wire.writeInstant(T_NANOS, v1);
        Wire.writeInstant(T, v1); // freshFrom
        v1.writeBoolean(true);
        v1.writeLong(17);
        v1.writeInt(1);
        Wire.writeString(MNQ, v1);
        v1.writeInt(1);
        v1.writeLong(611);
        Wire.writeInstant(T, v1);

        assertThat(AccountValuesSerializer.INSTANCE.deserialize(new DataInputDeserializer(v1.getCopyOfBuffer())))
                .isEqualTo(AccountValues.EMPTY.withDay(DayFigures.startOf(DAY)).withHoldings(Map.of(MNQ, holding))
                        .withPositionContracts(Set.of(MNQ)).withOrderIds(Set.of(611L)).withEventTime(T));
    }

    @Test
    void aNewerVersionOfANestedValueIsRefusedToo() throws Exception {
        byte[] b = bytes(DecidedActionSerializer.INSTANCE, new DecidedAction(LOCK, DecidedAction.EVENT, 3, 0));
        assertThat(b[1]).as("the nested Action's version byte").isEqualTo((byte) 2);
        b[1] = 3;

        assertThatThrownBy(() -> DecidedActionSerializer.INSTANCE.deserialize(new DataInputDeserializer(b)))
                .isInstanceOf(IOException.class)
                .hasMessage("Action format version 3 is newer than this release reads (2)");
    }

    @Test
    void everySerializerInTheSerdePackageIsCovered() throws Exception {
        Path dir = Path.of(AccountFlagsSerializer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/riskguard/job/serde");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Serializer.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.equals("ImmutableSerializer"))
                    .forEach(found::add);
        }
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.toString()));

        assertThat(covered).isEqualTo(found);
    }

    // ---- value details ------------------------------------------------------------------------

    @Test
    void decimalsKeepTheirScaleAndEveryUnscaledWidth() throws Exception {
        List<BigDecimal> values = List.of(dec("-500.00"), dec("-500"), dec("0.00"), dec("0E-8"), dec("1E+3"),
                dec("21000.25"), dec("21001.5"), TWO_POW_63, TWO_POW_63.negate(), HUGE, LONG_MIN, LONG_MAX,
                new BigDecimal(BigInteger.TEN.pow(60), -5));
        for (BigDecimal d : values) {
            QuoteState q = new QuoteState(d, null, null, T);
            BigDecimal back = roundTrip(QuoteStateSerializer.INSTANCE, q).lastPrice();
            assertThat(back).as("%s", d).isEqualTo(d);
            assertThat(back.scale()).as("scale of %s", d).isEqualTo(d.scale());
            assertThat(back.toPlainString()).isEqualTo(d.toPlainString());
        }
    }

    @Test
    void minusFiveHundredStaysMinusFiveHundredPointZeroZero() throws Exception {
        DayFigures day = new DayFigures(DAY, dec("-500.00"), dec("0.00"), true, false);
        DayFigures back = roundTrip(DayFiguresSerializer.INSTANCE, day);

        assertThat(back.pnl().toString()).isEqualTo("-500.00");
        assertThat(back.fees().toString()).isEqualTo("0.00");
    }

    @Test
    void instantsKeepSubMillisecondPrecision() throws Exception {
        for (Instant t : List.of(T_NANOS, T_MICROS, T_BEFORE_EPOCH, Instant.EPOCH,
                Instant.parse("2026-03-02T23:59:59.999999999Z"))) {
            assertThat(roundTrip(ControlMessageSerializer.INSTANCE, ControlMessage.endOfReplay(t)).replayHorizon())
                    .isEqualTo(t);
            assertThat(roundTrip(TimerBookSerializer.INSTANCE, new TimerBook(Set.of(t))).scheduled())
                    .containsExactly(t);
        }
    }

    @Test
    void emptyCollectionsStayEmptyAndNonEmptyOnesKeepEveryElement() throws Exception {
        assertThat(roundTrip(FillLogSerializer.INSTANCE, FillLog.EMPTY).fills()).isEmpty();
        assertThat(roundTrip(LockBookSerializer.INSTANCE, LockBook.EMPTY).records()).isEmpty();
        assertThat(roundTrip(TimerBookSerializer.INSTANCE, TimerBook.EMPTY).scheduled()).isEmpty();
        assertThat(roundTrip(IdCursorSerializer.INSTANCE, IdCursor.EMPTY).nextIndex()).isEmpty();
        assertThat(roundTrip(AccountFlagsSerializer.INSTANCE, AccountFlags.EMPTY).warnedContracts()).isEmpty();
        assertThat(roundTrip(PendingBookSerializer.INSTANCE, PendingBook.EMPTY).isEmpty()).isTrue();

        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            fills.add(new Fill(9000 + i, 500 + i / 3, T.plusNanos(i * 1001L), i % 2 == 0));
        }
        assertThat(roundTrip(FillLogSerializer.INSTANCE, new FillLog(fills)).fills())
                .as("fills keep their order").containsExactlyElementsOf(fills);

        Set<Instant> instants = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            instants.add(T.plusMillis(i * 37L).plusNanos(i));
        }
        assertThat(roundTrip(TimerBookSerializer.INSTANCE, new TimerBook(instants)).scheduled())
                .containsExactlyInAnyOrderElementsOf(instants);
    }

    @Test
    void aQuoteStateWithoutFieldsRoundTripsItsNulls() throws Exception {
        QuoteState q = roundTrip(QuoteStateSerializer.INSTANCE, new QuoteState(null, null, null, null));

        assertThat(Arrays.asList(q.lastPrice(), q.bestBid(), q.bestAsk(), q.quoteTs())).containsOnlyNulls();
    }

    @Test
    void anEventsRawLineTravelsOnlyWithPositionEvents() throws Exception {
        TradeEvent trade = new TradeEvent(T, 1001, 88001, MNQ, dec("21010.25"), dec("-42.50"), dec("0.74"), 1, 1,
                false, 77001, "{\"type\":\"trade\"}");
        PositionEvent position = new PositionEvent(T, 1001, 66001, MNQ, 1, 2, dec("21010.25"), POSITION_RAW);

        Event tradeBack = roundTrip(AccountInputSerializer.INSTANCE, AccountInput.event(1001, 0, T, trade)).event();
        Event positionBack = roundTrip(ContractInputSerializer.INSTANCE, new ContractInput(MNQ, 1, T, position)).event();

        assertThat(tradeBack.raw()).isEmpty();
        assertThat(tradeBack).usingRecursiveComparison().ignoringFields("raw").isEqualTo(trade);
        assertThat(positionBack).isEqualTo(position);
    }
}
