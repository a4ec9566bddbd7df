package io.riskguard.job.operators;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.PositionEvent;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by account: loads the account's state, runs the rule engine on each trigger, stores the
 * state, keeps Flink timers in step with the engine's wake-ups, and emits the actions. All
 * decisions are made in {@code rules/}; this class only orders triggers and moves data.
 *
 * <p>The engine's timers are instants; each is registered as a Flink event-time timer at its
 * millisecond. Before any trigger at {@code t}, the account's engine timers due at or before
 * {@code t} fire, so a timer and an event at the same instant run timer first (RULES.md §1.3). In
 * a replay, timers after the end-of-input horizon never fire.
 */
public final class AccountRisk extends KeyedBroadcastProcessFunction<Long, AccountInput, ControlMessage, DecidedAction> {

    private static final long serialVersionUID = 1L;
    static final String HORIZON = "replay-horizon";
    static final String CONFIG = "config";

    private static final Comparator<AccountInput> REPLAY_ORDER =
            Comparator.comparing(AccountInput::evalTs).thenComparingLong(AccountInput::seq);

    private final String configYaml;
    private final String configName;
    private final Ordering ordering;

    private transient RiskEngine engine;
    private transient CompiledConfig config;
    private transient FlinkAccountState state;
    private transient MapState<Long, List<AccountInput>> buffer;
    private transient ValueState<Instant> eventTime;
    private transient RiskMetrics metrics;

    /** The config travels as its YAML text and is loaded (and validated) again on each subtask. */
    public AccountRisk(String configYaml, String configName, Ordering ordering) {
        this.configYaml = configYaml;
        this.configName = configName;
        this.ordering = ordering;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        config = CompiledConfig.of(ConfigLoader.parse(configYaml, configName));
        metrics = new RiskMetrics(getRuntimeContext().getMetricGroup());
        engine = new RiskEngine(metrics);
        state = new FlinkAccountState(getRuntimeContext());
        buffer = getRuntimeContext().getMapState(RiskState.replayBuffer());
        eventTime = getRuntimeContext().getState(RiskState.eventTime());
    }

    @Override
    public void processElement(AccountInput in, ReadOnlyContext ctx, Collector<DecidedAction> out) throws Exception {
        useLatestConfig(ctx.getBroadcastState(RiskState.CONTROL_STATE));
        if (ordering == Ordering.EVENT_TIME) {
            long ms = Millis.ceil(in.evalTs());
            List<AccountInput> waiting = buffer.get(ms);
            List<AccountInput> next = waiting == null ? new ArrayList<>(1) : new ArrayList<>(waiting);
            next.add(in);
            buffer.put(ms, next);
            ctx.timerService().registerEventTimeTimer(ms);
            return;
        }
        Instant t = latest(latest(in.evalTs(), eventTime.value()), watermark(ctx.timerService()));
        eventTime.update(t);
        Emitter emit = new Emitter(ctx.timerService(), out, ctx);
        fireTimersUpTo(ctx.getCurrentKey(), t, null, emit);
        apply(ctx.getCurrentKey(), in, t, emit);
    }

    @Override
    public void onTimer(long ms, OnTimerContext ctx, Collector<DecidedAction> out) throws Exception {
        long account = ctx.getCurrentKey();
        useLatestConfig(ctx.getBroadcastState(RiskState.CONTROL_STATE));
        Instant horizon = horizon(ctx.getBroadcastState(RiskState.CONTROL_STATE));
        Emitter emit = new Emitter(ctx.timerService(), out, ctx);
        List<AccountInput> due = buffer.get(ms);
        if (due != null) {
            buffer.remove(ms);
            List<AccountInput> sorted = new ArrayList<>(due);
            sorted.sort(REPLAY_ORDER);
            for (AccountInput in : sorted) {
                fireTimersUpTo(account, in.evalTs(), horizon, emit);
                apply(account, in, in.evalTs(), emit);
            }
        }
        fireTimersUpTo(account, Millis.end(ms), horizon, emit);
        if (ordering == Ordering.ARRIVAL) {
            // event time has reached ms: a late event arriving now is evaluated at it, never before
            eventTime.update(latest(Millis.end(ms), eventTime.value()));
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The operator's watermark as an instant, or null before the first one. */
    private static Instant watermark(TimerService timers) {
        long wm = timers.currentWatermark();
        return wm == Long.MIN_VALUE ? null : Instant.ofEpochMilli(wm);
    }

    /**
     * A replay's end, or a configuration already verified upstream (signature, version, validity):
     * kept in broadcast state, so it survives restores and reaches every subtask.
     */
    @Override
    public void processBroadcastElement(ControlMessage msg, Context ctx, Collector<DecidedAction> out) throws Exception {
        if (msg.replayHorizon() != null) {
            ctx.getBroadcastState(RiskState.CONTROL_STATE).put(HORIZON, msg);
        }
        if (msg.isConfig() && msg.configVersion() > config.version()) {
            ctx.getBroadcastState(RiskState.CONTROL_STATE).put(CONFIG, msg);
            useLatestConfig(ctx.getBroadcastState(RiskState.CONTROL_STATE));
        }
    }

    /** The newest configuration in broadcast state, compiled once; every action carries its version. */
    private void useLatestConfig(ReadOnlyBroadcastState<String, ControlMessage> control) throws Exception {
        ControlMessage latest = control.get(CONFIG);
        if (latest != null && latest.configVersion() != config.version()) {
            config = CompiledConfig.of(ConfigLoader.parse(latest.configYaml(), "control v" + latest.configVersion()));
        }
    }

    private static Instant horizon(ReadOnlyBroadcastState<String, ControlMessage> control) throws Exception {
        ControlMessage end = control.get(HORIZON);
        return end == null ? null : end.replayHorizon();
    }

    /** Fires, one trigger per instant, every engine timer due at or before {@code upTo} (and the horizon). */
    private void fireTimersUpTo(long account, Instant upTo, Instant horizon, Emitter emit) {
        while (true) {
            state.beginTrigger();
            Instant next = null;
            for (Instant t : state.timers().scheduled()) {
                if (!t.isAfter(upTo) && (horizon == null || !t.isAfter(horizon)) && (next == null || t.isBefore(next))) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            metrics.trigger();
            boolean lockedBefore = state.locks().lockedAt(next);
            Decision d = engine.onTimer(state, config, account, next, state);
            metrics.lockChanged(lockedBefore, state.locks().lockedAt(next));
            emit.decision(d, DecidedAction.TIMER, 0);
        }
    }

    private void apply(long account, AccountInput in, Instant t, Emitter emit) {
        state.beginTrigger();
        metrics.trigger();
        boolean lockedBefore = state.locks().lockedAt(t);
        Decision d;
        if (in.isMark()) {
            if (state.position(in.contractId()) == null) {
                return;
            }
            state.putMark(in.contractId(), in.quote());
            d = engine.onQuote(state, config, account, in.contractId(), t, state);
        } else {
            if (in.event() instanceof PositionEvent && in.quote() != null) {
                state.putMark(in.contractId(), in.quote());
            }
            d = engine.onEvent(state, config, in.event(), t, state);
            if (in.event() instanceof PositionEvent p && state.position(p.contractId()) == null) {
                state.removeMark(p.contractId());
            }
        }
        metrics.lockChanged(lockedBefore, state.locks().lockedAt(t));
        if (ordering == Ordering.ARRIVAL) {
            metrics.decided(System.currentTimeMillis() - in.evalTs().toEpochMilli());
        }
        emit.decision(d, DecidedAction.EVENT, in.seq());
    }

    /** Emits a decision's actions and warnings and applies its timer changes. */
    private final class Emitter {
        private final TimerService timers;
        private final Collector<DecidedAction> out;
        private final ReadOnlyContext ctx;

        Emitter(TimerService timers, Collector<DecidedAction> out, ReadOnlyContext ctx) {
            this.timers = timers;
            this.out = out;
            this.ctx = ctx;
        }

        void decision(Decision d, int phase, long seq) {
            int index = 0;
            for (Action a : d.actions()) {
                metrics.action(a);
                out.collect(new DecidedAction(a, phase, seq, index++));
            }
            for (DeadLetter w : d.warnings()) {
                ctx.output(RiskState.DEAD_LETTERS, new DeadLetterRecord(seq, w));
            }
            for (Instant t : d.timersToSet()) {
                timers.registerEventTimeTimer(Millis.ceil(t));
            }
            for (Instant t : d.timersToCancel()) {
                deleteUnlessShared(Millis.ceil(t));
            }
        }

        /** A Flink timer also serves buffered triggers and other engine timers of the same millisecond. */
        private void deleteUnlessShared(long ms) {
            try {
                if (buffer.contains(ms)) {
                    return;
                }
                for (Instant other : state.timers().scheduled()) {
                    if (Millis.ceil(other) == ms) {
                        return;
                    }
                }
                timers.deleteEventTimeTimer(ms);
            } catch (Exception e) {
                throw new IllegalStateException("state access failed", e);
            }
        }
    }
}
