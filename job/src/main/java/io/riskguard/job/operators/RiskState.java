package io.riskguard.job.operators;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.ContractMarks;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.MarketInput;
import io.riskguard.job.serde.AccountFlagsSerializer;
import io.riskguard.job.serde.AccountInputSerializer;
import io.riskguard.job.serde.AccountValuesSerializer;
import io.riskguard.job.serde.ContractMarksSerializer;
import io.riskguard.job.serde.ContractInputSerializer;
import io.riskguard.job.serde.ControlMessageSerializer;
import io.riskguard.job.serde.DayFiguresSerializer;
import io.riskguard.job.serde.FillLogSerializer;
import io.riskguard.job.serde.IdCursorSerializer;
import io.riskguard.job.serde.LockBookSerializer;
import io.riskguard.job.serde.MarketInputSerializer;
import io.riskguard.job.serde.OrderLossSerializer;
import io.riskguard.job.serde.OrderStateSerializer;
import io.riskguard.job.serde.PendingBookSerializer;
import io.riskguard.job.serde.PositionStateSerializer;
import io.riskguard.job.serde.QuoteStateSerializer;
import io.riskguard.job.serde.TimerBookSerializer;
import io.riskguard.job.serde.TradeRecordSerializer;
import io.riskguard.job.serde.Types;
import io.riskguard.market.QuoteState;
import io.riskguard.sinks.jdbc.ConfigAudit;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.DayFigures;
import io.riskguard.state.FillLog;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import io.riskguard.state.TimerBook;
import io.riskguard.state.TradeRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.BooleanSerializer;
import org.apache.flink.api.common.typeutils.base.InstantSerializer;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.util.OutputTag;

/**
 * Every operator, source and sink uid, state descriptor and output tag of the job, in one place (the
 * {@code Descriptors} holder of Flink's fraud-detection demo). It extends the class that already held
 * the operators' descriptors and tags rather than starting a new one: the operators, tests and README
 * already point here, and uids and state names are the two halves of the savepoint format, so one
 * class is what to check before a release. Uids and state names are never renamed or reused; add
 * new ones instead.
 */
public final class RiskState {

    private RiskState() {}

    // ---- uids: a savepoint maps state to operators by these ---------------------------------------

    // sources
    public static final String UID_KAFKA_EVENTS = "kafka-events";
    public static final String UID_KAFKA_QUOTES = "kafka-quotes";
    public static final String UID_HEARTBEAT = "heartbeat";
    public static final String UID_KAFKA_CONTROL = "kafka-control";
    /** The replay files ({@code replay}, {@code local}). */
    public static final String UID_REPLAY_SOURCE = "replay-source";
    /** The simulated market ({@code local --generate}). */
    public static final String UID_SIMULATED_SOURCE = "simulated-source";

    // operators
    public static final String UID_CONTROL_VERIFIER = "control-verifier";
    public static final String UID_ROUTE = "route-events";
    public static final String UID_MARK_TO_MARKET = "mark-to-market";
    public static final String UID_CONTROL_TO_MARKET = "control-to-market";
    public static final String UID_ACCOUNT_RISK = "account-risk";
    public static final String UID_ACTIONS = "actions";
    public static final String UID_ACTIONS_FOR_KAFKA = "actions-for-kafka";

    // sinks
    public static final String UID_BROKER = "broker-sink";
    public static final String UID_AUDIT = "audit-sink";
    public static final String UID_LOCKS = "locks-sink";
    public static final String UID_KAFKA_ACTIONS = "kafka-actions";
    public static final String UID_KAFKA_DEAD_LETTERS = "kafka-dead-letters";
    public static final String UID_CONFIG_AUDIT = "config-audit-sink";

    // ---- AccountRisk (keyed by account) -------------------------------------------------------

    public static MapStateDescriptor<String, PositionState> positions() {
        return new MapStateDescriptor<>("positions", StringSerializer.INSTANCE, PositionStateSerializer.INSTANCE);
    }

    public static MapStateDescriptor<Long, OrderState> orders() {
        return new MapStateDescriptor<>("orders", LongSerializer.INSTANCE, OrderStateSerializer.INSTANCE);
    }

    public static MapStateDescriptor<Long, TradeRecord> trades() {
        return new MapStateDescriptor<>("trades", LongSerializer.INSTANCE, TradeRecordSerializer.INSTANCE);
    }

    public static MapStateDescriptor<Long, OrderLoss> orderLosses() {
        return new MapStateDescriptor<>("order-losses", LongSerializer.INSTANCE, OrderLossSerializer.INSTANCE);
    }

    /** The account's counted fills of the trading day (RULE-006): read and written by trades only. */
    public static ValueStateDescriptor<FillLog> fills() {
        return new ValueStateDescriptor<>("fills", FillLogSerializer.INSTANCE);
    }

    /** The account's small values (locks, pending, day figures, timers, holdings, ...) in one record. */
    public static ValueStateDescriptor<AccountValues> accountValues() {
        return new ValueStateDescriptor<>("account-values", AccountValuesSerializer.INSTANCE);
    }

    /** Replay mode: triggers waiting for the watermark, by millisecond of their evaluation time. */
    public static MapStateDescriptor<Long, List<AccountInput>> replayBuffer() {
        return new MapStateDescriptor<>("replay-buffer", LongSerializer.INSTANCE,
                new ListSerializer<>(AccountInputSerializer.INSTANCE));
    }

    // ---- AccountRisk, per subtask (operator state) ----------------------------------------------

    /**
     * The latest merged quote of every contract: the same on every subtask (every subtask sees every
     * quote), so broadcast state, which a rescaled job hands to every new subtask whole.
     */
    public static final MapStateDescriptor<String, QuoteState> QUOTE_BOOK =
            new MapStateDescriptor<>("quote-book", StringSerializer.INSTANCE, QuoteStateSerializer.INSTANCE);

    /** Event-time ordering: quotes waiting for the watermark, by millisecond (the same on every subtask). */
    public static final MapStateDescriptor<Long, List<MarketInput>> QUOTE_BUFFER = new MapStateDescriptor<>(
            "quote-buffer", LongSerializer.INSTANCE, new ListSerializer<>(MarketInputSerializer.INSTANCE));

    /**
     * Each subtask's mark histories, union state: they differ only in how far back each subtask's
     * holders need them, so after a restore every subtask keeps, per contract, the longest.
     */
    public static ListStateDescriptor<ContractMarks> markHistories() {
        return new ListStateDescriptor<>("mark-histories", ContractMarksSerializer.INSTANCE);
    }

    // ---- MarkToMarket (keyed by contract) ------------------------------------------------------

    public static ValueStateDescriptor<QuoteState> quote() {
        return new ValueStateDescriptor<>("quote", QuoteStateSerializer.INSTANCE);
    }

    /** Event-time ordering: quotes and position events waiting for the watermark, by millisecond. */
    public static MapStateDescriptor<Long, List<ContractInput>> contractBuffer() {
        return new MapStateDescriptor<>("contract-buffer", LongSerializer.INSTANCE,
                new ListSerializer<>(ContractInputSerializer.INSTANCE));
    }

    // ---- ControlVerifier (one key) ---------------------------------------------------------------

    /** The version of the configuration running now: the last accepted update's, or the initial one. */
    public static ValueStateDescriptor<Integer> runningConfigVersion() {
        return new ValueStateDescriptor<>("running-config-version", IntSerializer.INSTANCE);
    }

    // ---- broadcast ------------------------------------------------------------------------------

    public static final MapStateDescriptor<String, ControlMessage> CONTROL_STATE =
            new MapStateDescriptor<>("control", StringSerializer.INSTANCE, ControlMessageSerializer.INSTANCE);

    // ---- side outputs ---------------------------------------------------------------------------

    public static final OutputTag<DeadLetterRecord> DEAD_LETTERS =
            new OutputTag<>("dead-letters", Types.DEAD_LETTER_RECORD);
    public static final OutputTag<ContractInput> CONTRACT_INPUTS = new OutputTag<>("contract-inputs", Types.CONTRACT_INPUT);
    public static final OutputTag<ControlMessage> CONTROL = new OutputTag<>("control", Types.CONTROL);
    /** Position events a savepoint of the previous release left in MarkToMarket's buffer, on their way to AccountRisk. */
    public static final OutputTag<AccountInput> BUFFERED_POSITIONS =
            new OutputTag<>("buffered-positions", Types.ACCOUNT_INPUT);
    /** Config updates the control verifier refused, with the reason. */
    public static final OutputTag<DeadLetterRecord> CONTROL_DEAD_LETTERS =
            new OutputTag<>("control-dead-letters", Types.DEAD_LETTER_RECORD);
    /** Every config update, accepted or not, for the {@code config_audit} table. */
    public static final OutputTag<ConfigAudit> CONFIG_AUDIT = new OutputTag<>("config-audit", Types.CONFIG_AUDIT);

    /**
     * State of the previous release (format 1), read once when a savepoint of it is restored and
     * then cleared: the account's small values were six ValueStates (the seventh, the fills, stays
     * as it was), each account kept its own copy of the marks of the contracts it held, and
     * MarkToMarket the holders of each contract.
     */
    public static final class Legacy {

        private Legacy() {}

        public static MapStateDescriptor<String, QuoteState> marks() {
            return new MapStateDescriptor<>("marks", StringSerializer.INSTANCE, QuoteStateSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<DayFigures> day() {
            return new ValueStateDescriptor<>("day", DayFiguresSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<LockBook> locks() {
            return new ValueStateDescriptor<>("locks", LockBookSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<PendingBook> pending() {
            return new ValueStateDescriptor<>("pending", PendingBookSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<AccountFlags> flags() {
            return new ValueStateDescriptor<>("flags", AccountFlagsSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<IdCursor> idCursor() {
            return new ValueStateDescriptor<>("id-cursor", IdCursorSerializer.INSTANCE);
        }

        public static ValueStateDescriptor<TimerBook> timers() {
            return new ValueStateDescriptor<>("timers", TimerBookSerializer.INSTANCE);
        }

        /** Live mode: the account's latest evaluation time (now in the account's values). */
        public static ValueStateDescriptor<Instant> eventTime() {
            return new ValueStateDescriptor<>("event-time", InstantSerializer.INSTANCE);
        }

        public static MapStateDescriptor<Long, Boolean> holders() {
            return new MapStateDescriptor<>("holders", LongSerializer.INSTANCE, BooleanSerializer.INSTANCE);
        }
    }
}
