package io.riskguard.job.operators;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.fanout.AccountDesk;
import io.riskguard.fanout.MarkHistory;
import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.ContractMarks;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import io.riskguard.state.LockBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by account, with every contract's merged quotes (and the control messages) broadcast to
 * every subtask. Each subtask indexes the quiet bands of its own accounts' positions
 * ({@link QuoteFanOut}) and delivers a quote only to the holders whose band it leaves; the rule
 * engine and all decisions are in {@code rules/} ({@link AccountDesk}); this operator orders
 * triggers, moves state in and out, and emits.
 *
 * <p>Ordering. {@link Ordering#EVENT_TIME}: an account's inputs and the quotes wait in the subtask's
 * {@link EventTimeBuffer} (snapshotted to keyed and broadcast state) until the watermark passes them;
 * then everything of each millisecond is
 * applied in (ts, seq) order, and before any trigger at {@code t} every engine timer of the
 * subtask's accounts due at or before {@code t} fires, in due-time order: what a sequential replay
 * restricted to these accounts does (RULES.md §1.3). {@link Ordering#ARRIVAL}: each input is
 * applied as it arrives, at the account's current event time; due timers of an account fire before
 * its trigger, and all due timers when the watermark passes them. Engine timers are kept in memory
 * ({@link TimerIndex}), rebuilt from the accounts' own timer books after a restore; so are the
 * locked accounts ({@link LockedAccounts}), from their lock books.
 */
public final class AccountRisk extends AbstractStreamOperator<DecidedAction>
        implements TwoInputStreamOperator<AccountInput, MarketInput, DecidedAction> {

    private static final long serialVersionUID = 2L;
    static final String HORIZON = "replay-horizon";
    static final String CONFIG = "config";
    /**
     * Between records, every 25 ms, account state waiting to be written is written for up to 5 ms,
     * oldest first: when the job keeps up, little is left for the checkpoint's synchronous part
     * (which writes all that waits); when it is saturated, writing takes at most a fifth of the
     * task and the rest waits for the checkpoint, where many triggers of an account cost one write.
     */
    private static final long WRITE_PERIOD_MILLIS = 25;
    private static final long WRITE_BUDGET_NANOS = 5_000_000;

    private record Item(long account, AccountInput input, MarketInput quote) {
        Instant evalTs() {
            return input != null ? input.evalTs() : quote.evalTs();
        }

        long seq() {
            return input != null ? input.seq() : quote.seq();
        }
    }

    /** (ts, seq); at equal (ts, seq), which only live input can give, an account's event before a quote. */
    private static final Comparator<Item> ORDER = (a, b) -> {
        int c = a.evalTs().compareTo(b.evalTs());
        if (c == 0) {
            c = Long.compare(a.seq(), b.seq());
        }
        if (c == 0) {
            c = Boolean.compare(a.input() == null, b.input() == null);
        }
        return c != 0 ? c : Long.compare(a.account(), b.account());
    };

    private final String configYaml;
    private final String configName;
    private final Ordering ordering;
    private final TriggerObserver observer;

    private transient CompiledConfig config;
    private transient QuoteFanOut fanOut;
    private transient AccountDesk desk;
    private transient FlinkAccountState state;
    private transient MapState<Long, List<AccountInput>> buffer;
    private transient BroadcastState<String, ControlMessage> control;
    private transient BroadcastState<String, QuoteState> quoteBook;
    private transient BroadcastState<Long, List<MarketInput>> quoteBuffer;
    private transient ListState<ContractMarks> markHistories;
    private transient TimerIndex timers;
    private transient LockedAccounts lockedAccounts;
    private transient EventTimeBuffer waiting;
    private transient RiskMetrics metrics;
    private transient boolean restored;
    private transient long watermark;
    private transient Instant latest;
    private transient StreamRecord<DecidedAction> out;

    /** The config travels as its YAML text and is loaded (and validated) again on each subtask. */
    public AccountRisk(String configYaml, String configName, Ordering ordering) {
        this(configYaml, configName, ordering, null);
    }

    /** @param observer told when each input record is done with (benchmarks), or null */
    public AccountRisk(String configYaml, String configName, Ordering ordering, TriggerObserver observer) {
        this.configYaml = configYaml;
        this.configName = configName;
        this.ordering = ordering;
        this.observer = observer;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
        control = getOperatorStateBackend().getBroadcastState(RiskState.CONTROL_STATE);
        quoteBook = getOperatorStateBackend().getBroadcastState(RiskState.QUOTE_BOOK);
        quoteBuffer = getOperatorStateBackend().getBroadcastState(RiskState.QUOTE_BUFFER);
        markHistories = getOperatorStateBackend().getUnionListState(RiskState.markHistories());
    }

    @Override
    public void open() throws Exception {
        super.open();
        lockedAccounts = new LockedAccounts();
        metrics = new RiskMetrics(getMetricGroup(), lockedAccounts);
        fanOut = new QuoteFanOut();
        desk = new AccountDesk(new RiskEngine(metrics), fanOut);
        config = CompiledConfig.of(ConfigLoader.parse(configYaml, configName));
        ControlMessage latestConfig = control.get(CONFIG);
        if (latestConfig != null && latestConfig.configVersion() > config.version()) {
            config = compile(latestConfig);
        }
        state = new FlinkAccountState(getKeyedStateStore(), this::setCurrentKey, metrics::stateWritten);
        getProcessingTimeService().scheduleWithFixedDelay(now -> state.writeOldest(WRITE_BUDGET_NANOS),
                WRITE_PERIOD_MILLIS, WRITE_PERIOD_MILLIS);
        buffer = getKeyedStateStore().getMapState(RiskState.replayBuffer());
        timers = new TimerIndex();
        waiting = new EventTimeBuffer();
        watermark = Long.MIN_VALUE;
        latest = Instant.MIN;
        out = new StreamRecord<>(null);
        if (restored) {
            restoreSubtaskState();
        }
    }

    /** For tests: how many quote triggers were delivered, and how many the quiet bands saved. */
    RiskMetrics metrics() {
        return metrics;
    }

    /**
     * Writes what the triggers changed and the state backend does not hold yet; a snapshot does it
     * first (keyed state written here is in the snapshot), and tests that read the backend.
     */
    void writeAccountState() {
        state.writeAll();
    }

    /** For tests: accounts whose state changes have not reached the state backend yet. */
    int unwrittenAccounts() {
        return state.unwrittenAccounts();
    }

    /** For tests: engine timers held in memory for this subtask's accounts. */
    int engineTimers() {
        return timers.size();
    }

    // ---- inputs --------------------------------------------------------------------------------

    @Override
    public void processElement1(StreamRecord<AccountInput> record) throws Exception {
        AccountInput in = record.getValue();
        long account = (Long) getCurrentKey();
        if (ordering == Ordering.EVENT_TIME) {
            waiting.account(Millis.ceil(in.evalTs()), account, in);
            return;
        }
        state.beginTrigger(account);
        Instant t = later(later(in.evalTs(), state.eventTime()), watermarkInstant());
        state.setEventTime(t);
        fireTimersOf(account, t);
        apply(account, in, t);
        observed(in.evalTs());
    }

    @Override
    public void processElement2(StreamRecord<MarketInput> record) throws Exception {
        MarketInput in = record.getValue();
        if (in.isControl()) {
            onControl(in.control());
        } else if (ordering == Ordering.EVENT_TIME) {
            waiting.quote(Millis.ceil(in.evalTs()), in);
        } else {
            deliver(in);
            observed(in.evalTs());
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        Instant upTo = Instant.ofEpochMilli(watermark);
        if (ordering == Ordering.EVENT_TIME) {
            Long ms;
            while ((ms = waiting.nextBucket(watermark)) != null) {
                for (Item item : bucket(ms)) {
                    fireTimersUpTo(item.evalTs());
                    if (item.quote() != null) {
                        deliver(item.quote());
                    } else {
                        useKey(item.account());
                        apply(item.account(), item.input(), item.evalTs());
                    }
                    observed(item.evalTs());
                }
                fireTimersUpTo(Millis.end(ms));
            }
        }
        fireTimersUpTo(upTo);
        super.processWatermark(mark);
    }

    /** Everything waiting at millisecond {@code ms}, taken out of the buffers, in (ts, seq) order. */
    private List<Item> bucket(long ms) throws Exception {
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Long, EventTimeBuffer.Waiting> e : waiting.takeAccounts(ms).entrySet()) {
            long account = e.getKey();
            e.getValue().inputs.forEach(in -> items.add(new Item(account, in, null)));
            if (e.getValue().inState) {
                setCurrentKey(account);
                buffer.remove(ms);
            }
        }
        waiting.takeQuotes(ms).forEach(q -> items.add(new Item(0, null, q)));
        items.sort(ORDER);
        return items;
    }

    private void onControl(ControlMessage msg) throws Exception {
        if (msg.replayHorizon() != null) {
            control.put(HORIZON, msg);
        }
        if (msg.isConfig() && msg.configVersion() > config.version()) {
            control.put(CONFIG, msg);
            CompiledConfig next = compile(msg);
            for (long account : fanOut.accounts()) {
                useKey(account);
                desk.reconfigure(state, config, next, account, latest == Instant.MIN ? Instant.EPOCH : latest);
                state.endTrigger();
            }
            config = next;
        }
    }

    private static CompiledConfig compile(ControlMessage msg) throws Exception {
        return CompiledConfig.of(ConfigLoader.parse(msg.configYaml(), "control v" + msg.configVersion()));
    }

    // ---- triggers ------------------------------------------------------------------------------

    /** A merged quote: to the holders here whose quiet band it leaves. */
    private void deliver(MarketInput q) throws Exception {
        boolean arrival = ordering == Ordering.ARRIVAL;
        Instant tq = arrival ? later(q.evalTs(), watermarkInstant()) : q.evalTs();
        int holders = fanOut.holderCount(q.contractId());
        long[] accounts = fanOut.onQuote(q.contractId(), q.quote(), tq);
        metrics.quote(holders, accounts.length);
        for (long account : accounts) {
            useKey(account);
            Instant t = arrival ? later(tq, state.eventTime()) : tq;
            if (arrival) {
                state.setEventTime(t);
                fireTimersOf(account, t);
            }
            trigger(account, t, DecidedAction.EVENT, q.seq(), () -> desk.quote(state, config, account, q.contractId(), t));
        }
        fanOut.afterQuote(q.contractId());
        latest = later(latest, tq);
    }

    private void apply(long account, AccountInput in, Instant t) {
        if (in.isMark()) {
            // a quote a savepoint of the previous release had already fanned out to this account
            QuoteState book = fanOut.quote(in.contractId());
            if (book == null || !book.quoteTs().isAfter(in.quote().quoteTs())) {
                fanOut.restoreQuote(in.contractId(), in.quote());
            }
            trigger(account, t, DecidedAction.EVENT, in.seq(), () -> desk.quote(state, config, account, in.contractId(), t));
        } else {
            trigger(account, t, DecidedAction.EVENT, in.seq(), () -> desk.event(state, config, account, in.event(), t));
        }
        latest = later(latest, t);
    }

    /** Fires, in due-time order, every engine timer of this subtask due at or before {@code upTo}. */
    private void fireTimersUpTo(Instant upTo) throws Exception {
        Instant horizon = horizon();
        Instant due;
        while ((due = timers.firstDue(upTo, horizon)) != null) {
            for (long account : timers.take(due)) {
                useKey(account);
                fireTimer(account, due);
                if (ordering == Ordering.ARRIVAL) {
                    state.setEventTime(later(upTo, state.eventTime()));
                    state.endTrigger();
                }
            }
        }
    }

    /** Fires the current account's engine timers due at or before {@code upTo}, one trigger per instant. */
    private void fireTimersOf(long account, Instant upTo) throws Exception {
        Instant horizon = horizon();
        while (true) {
            Instant next = null;
            for (Instant t : state.timers().scheduled()) {
                if (!t.isAfter(upTo) && (horizon == null || !t.isAfter(horizon)) && (next == null || t.isBefore(next))) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            timers.remove(next, account);
            fireTimer(account, next);
        }
    }

    private void fireTimer(long account, Instant due) {
        if (state.timers().scheduled().contains(due)) {
            trigger(account, due, DecidedAction.TIMER, 0, () -> desk.timer(state, config, account, due));
        }
    }

    /** Makes {@code account} the current key; its state is read afresh. */
    private void useKey(long account) {
        setCurrentKey(account);
        state.beginTrigger(account);
    }

    /** One trigger of the current account: decide on its state, write what changed, emit. */
    private void trigger(long account, Instant t, int phase, long seq, java.util.function.Supplier<Decision> decide) {
        metrics.trigger();
        LockBook locksBefore = state.locks();
        Decision d = decide.get();
        if (state.locks() != locksBefore) { // lock books are immutable: a LOCK or UNLOCK replaced it
            lockedAccounts.update(account, state.locks());
        }
        state.endTrigger();
        if (ordering == Ordering.ARRIVAL && phase == DecidedAction.EVENT) {
            metrics.decided(System.currentTimeMillis() - t.toEpochMilli());
        }
        int index = 0;
        for (Action a : d.actions()) {
            metrics.action(a);
            output.collect(out.replace(new DecidedAction(a, phase, seq, index++), Millis.ceil(a.ts())));
        }
        for (DeadLetter w : d.warnings()) {
            output.collect(RiskState.DEAD_LETTERS, new StreamRecord<>(new DeadLetterRecord(seq, w)));
        }
        for (Instant i : d.timersToCancel()) {
            timers.remove(i, account);
        }
        for (Instant i : d.timersToSet()) {
            timers.add(i, account);
        }
    }

    private void observed(Instant evalTs) {
        if (observer != null) {
            observer.applied(evalTs);
        }
    }

    private Instant horizon() throws Exception {
        ControlMessage end = control.get(HORIZON);
        return end == null ? null : end.replayHorizon();
    }

    private Instant watermarkInstant() {
        return watermark == Long.MIN_VALUE ? null : Instant.ofEpochMilli(watermark);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    // ---- snapshots and restores ----------------------------------------------------------------

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        long t0 = System.nanoTime();
        super.snapshotState(context);
        writeAccountState();
        for (Map.Entry<String, QuoteState> q : fanOut.quotes().entrySet()) {
            quoteBook.put(q.getKey(), q.getValue());
        }
        quoteBuffer.clear();
        for (Map.Entry<Long, List<MarketInput>> e : waiting.quotes().entrySet()) {
            quoteBuffer.put(e.getKey(), List.copyOf(e.getValue()));
        }
        for (Map.Entry<Long, TreeMap<Long, EventTimeBuffer.Waiting>> ms : waiting.accountInputs().entrySet()) {
            for (Map.Entry<Long, EventTimeBuffer.Waiting> e : ms.getValue().entrySet()) {
                if (!e.getValue().stored) {
                    setCurrentKey(e.getKey());
                    buffer.put(ms.getKey(), List.copyOf(e.getValue().inputs));
                    e.getValue().inState = true;
                    e.getValue().stored = true;
                }
            }
        }
        List<ContractMarks> histories = new ArrayList<>();
        fanOut.histories().forEach((c, h) -> histories.add(new ContractMarks(c, h)));
        markHistories.update(histories);
        metrics.snapshotTaken(System.nanoTime() - t0);
    }

    /**
     * Rebuilds what this subtask keeps in memory: the quote book and quotes waiting (the same on
     * every subtask), the longest mark history of each contract (subtasks trim theirs differently),
     * and, from its accounts' keyed state, their holdings, timers, locked accounts and waiting
     * inputs. A savepoint of the previous release is migrated first.
     */
    private void restoreSubtaskState() throws Exception {
        for (Map.Entry<String, QuoteState> q : quoteBook.entries()) {
            fanOut.restoreQuote(q.getKey(), q.getValue());
        }
        for (Map.Entry<Long, List<MarketInput>> e : quoteBuffer.entries()) {
            e.getValue().forEach(q -> waiting.quote(e.getKey(), q));
        }
        Map<String, MarkHistory.Snapshot> longest = new HashMap<>();
        for (ContractMarks m : markHistories.get()) {
            longest.merge(m.contractId(), m.history(), (a, b) -> entries(b) > entries(a) ? b : a);
        }
        longest.forEach(fanOut::restoreHistory);

        KeyedStateBackend<Long> backend = getKeyedStateBackend();
        getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, new IgnorePreviousReleaseTimers());
        PreviousReleaseState.migrate(backend, getKeyedStateStore(), this::setCurrentKey, fanOut);
        for (long account : keys(backend, RiskState.accountValues().getName())) {
            useKey(account);
            AccountValues v = state.values();
            fanOut.restore(account, v.holdings());
            v.timers().scheduled().forEach(t -> timers.add(t, account));
            lockedAccounts.update(account, v.locks());
        }
        for (long account : keys(backend, RiskState.replayBuffer().getName())) {
            setCurrentKey(account);
            for (Map.Entry<Long, List<AccountInput>> e : buffer.entries()) {
                waiting.restored(e.getKey(), account, e.getValue());
            }
        }
    }

    private static int entries(MarkHistory.Snapshot s) {
        return s.highs().size() + s.lows().size();
    }

    private static List<Long> keys(KeyedStateBackend<Long> backend, String stateName) {
        try (Stream<Long> keys = backend.getKeys(stateName, VoidNamespace.INSTANCE)) {
            return keys.distinct().sorted().toList();
        }
    }

    /**
     * The previous release registered a Flink timer for each buffered input and engine timer; both
     * are now found from state (the buffer's keys, the timer books). Its timers are let run out.
     */
    private static final class IgnorePreviousReleaseTimers implements Triggerable<Long, VoidNamespace> {

        @Override
        public void onEventTime(InternalTimer<Long, VoidNamespace> timer) {}

        @Override
        public void onProcessingTime(InternalTimer<Long, VoidNamespace> timer) {}
    }
}
