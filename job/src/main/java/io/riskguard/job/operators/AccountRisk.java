package io.riskguard.job.operators;

import io.riskguard.config.ConfigLoader;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.RiskEngine;
import io.riskguard.fanout.AccountDesk;
import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import java.time.Instant;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by account, with every contract's merged quotes (and the control messages) broadcast to
 * every subtask. Each subtask indexes the quiet bands of its own accounts' positions
 * ({@link QuoteFanOut}) and delivers a quote only to the holders whose band it leaves. The rule
 * engine and all decisions are in {@code rules/} ({@link AccountDesk}); a trigger (load, call the
 * engine, keep, emit) is {@link SubtaskTriggers}; event-time ordering is {@link EventTimeSequencer}
 * (what a sequential replay restricted to these accounts does, RULES.md §1.3). This operator wires
 * them to Flink: inputs, watermarks, state in and out.
 *
 * <p>{@link Ordering#ARRIVAL}: each input is applied as it arrives, at the account's current event
 * time; due timers of an account fire before its trigger, and all due timers when the watermark
 * passes them. Engine timers are kept in memory ({@link TimerIndex}), rebuilt from the accounts' own
 * timer books after a restore; so are the locked accounts ({@link LockedAccounts}), from their lock
 * books.
 */
public final class AccountRisk extends AbstractStreamOperator<DecidedAction>
        implements TwoInputStreamOperator<AccountInput, MarketInput, DecidedAction> {

    private static final long serialVersionUID = 2L;

    private final String configYaml;
    private final String configName;
    private final Ordering ordering;
    private final TriggerObserver observer;

    private transient SubtaskState subtask;
    private transient QuoteFanOut fanOut;
    private transient FlinkAccountState state;
    private transient RiskMetrics metrics;
    private transient EventTimeSequencer<Long, AccountInput, MarketInput> sequencer;
    private transient SubtaskTriggers triggers;
    private transient boolean restored;

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
        subtask = new SubtaskState(getOperatorStateBackend());
    }

    @Override
    public void open() throws Exception {
        super.open();
        LockedAccounts lockedAccounts = new LockedAccounts();
        metrics = new RiskMetrics(getMetricGroup(), lockedAccounts);
        fanOut = new QuoteFanOut();
        sequencer = new EventTimeSequencer<>();
        subtask.open(getKeyedStateStore());
        state = new FlinkAccountState(getKeyedStateStore(), this::setCurrentKey, metrics::stateWritten);
        state.writeBehind(getProcessingTimeService());
        CompiledConfig config = CompiledConfig.of(ConfigLoader.parse(configYaml, configName));
        ControlMessage latestConfig = subtask.latestConfig();
        if (latestConfig != null && latestConfig.configVersion() > config.version()) {
            config = compile(latestConfig);
        }
        triggers = new SubtaskTriggers(ordering, new AccountDesk(new RiskEngine(metrics), fanOut), state, new TimerIndex(),
                lockedAccounts, metrics, config, this::setCurrentKey, new OutputEmitter(output), (ms, account) -> {
                    setCurrentKey(account);
                    subtask.unstore(ms);
                }, subtask::horizon, observer);
        if (restored) {
            restoreSubtask();
        }
    }

    // ---- inputs --------------------------------------------------------------------------------

    @Override
    public void processElement1(StreamRecord<AccountInput> record) {
        long account = (Long) getCurrentKey();
        if (ordering == Ordering.EVENT_TIME) {
            sequencer.add(account, record.getValue());
        } else {
            triggers.onArrival(account, record.getValue());
        }
    }

    @Override
    public void processElement2(StreamRecord<MarketInput> record) throws Exception {
        MarketInput in = record.getValue();
        if (in.isControl()) {
            onControl(in.control());
        } else if (ordering == Ordering.EVENT_TIME) {
            sequencer.addShared(in);
        } else {
            triggers.onArrival(in);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        triggers.watermark(mark.getTimestamp());
        if (ordering == Ordering.EVENT_TIME) {
            sequencer.drainUpTo(mark.getTimestamp(), triggers);
        }
        triggers.fireTimersUpTo(Instant.ofEpochMilli(mark.getTimestamp()));
        super.processWatermark(mark);
    }

    private void onControl(ControlMessage msg) throws Exception {
        boolean newConfig = msg.isConfig() && msg.configVersion() > triggers.config().version();
        subtask.control(msg, newConfig);
        if (newConfig) {
            triggers.reconfigure(compile(msg));
        }
    }

    private static CompiledConfig compile(ControlMessage msg) throws Exception {
        return CompiledConfig.of(ConfigLoader.parse(msg.configYaml(), "control v" + msg.configVersion()));
    }

    // ---- snapshots and restores ----------------------------------------------------------------

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        long t0 = System.nanoTime();
        super.snapshotState(context);
        writeAccountState();
        subtask.snapshot(fanOut, sequencer.shared());
        sequencer.snapshot((ms, account, inputs) -> {
            setCurrentKey(account);
            subtask.store(ms, inputs);
        });
        metrics.snapshotTaken(System.nanoTime() - t0);
    }

    /**
     * Rebuilds what this subtask keeps in memory: the quote book, quotes waiting and mark histories,
     * and, from its accounts' keyed state, their holdings, timers, locked accounts and waiting
     * inputs. A savepoint of the previous release is migrated first.
     */
    private void restoreSubtask() throws Exception {
        subtask.restore(fanOut, sequencer);
        KeyedStateBackend<Long> backend = getKeyedStateBackend();
        getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, new IgnoredTimers<Long>());
        PreviousReleaseState.migrate(backend, getKeyedStateStore(), this::setCurrentKey, fanOut);
        subtask.restoreAccounts(backend, this::setCurrentKey, triggers, sequencer);
    }

    // ---- for tests -----------------------------------------------------------------------------

    RiskMetrics metrics() {
        return metrics;
    }

    /** Writes what the triggers changed and the state backend does not hold yet (a snapshot does it first). */
    void writeAccountState() {
        state.writeAll();
    }

    int unwrittenAccounts() {
        return state.unwrittenAccounts();
    }

    int engineTimers() {
        return triggers.engineTimers();
    }
}
