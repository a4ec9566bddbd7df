package io.riskguard.bench.job;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.operators.AccountRisk;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The job's {@link AccountRisk}, unchanged, called through a thin delegate that records the
 * latency of every trigger and every action (the benchmark's only addition: two clock reads and a
 * histogram update per trigger). The delegate shares this function's runtime context, so state,
 * timers and metrics are exactly AccountRisk's own.
 */
final class TimedAccountRisk extends KeyedBroadcastProcessFunction<Long, AccountInput, ControlMessage, DecidedAction> {

    private static final long serialVersionUID = 1L;

    private final AccountRisk inner;
    private final Ordering ordering;
    private transient MapState<Long, List<AccountInput>> buffer;
    private transient TimingCollector timing;

    TimedAccountRisk(AccountRisk inner, Ordering ordering) {
        this.inner = inner;
        this.ordering = ordering;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        inner.setRuntimeContext(getRuntimeContext());
        inner.open(openContext);
        buffer = getRuntimeContext().getMapState(RiskState.replayBuffer());
        timing = new TimingCollector();
    }

    @Override
    public void close() throws Exception {
        inner.close();
    }

    @Override
    public void processElement(AccountInput in, ReadOnlyContext ctx, Collector<DecidedAction> out) throws Exception {
        // live ordering applies the trigger now: its actions are timed from its source record
        inner.processElement(in, ctx, timing.wrap(out, ordering == Ordering.ARRIVAL ? in.evalTs() : null));
        if (ordering == Ordering.ARRIVAL) {
            Latencies.record(Latencies.TRIGGER, in.evalTs());
        }
    }

    @Override
    public void onTimer(long ms, OnTimerContext ctx, Collector<DecidedAction> out) throws Exception {
        // replay ordering applies buffered triggers here; read them first to know their source times
        List<AccountInput> due = ordering == Ordering.EVENT_TIME ? buffer.get(ms) : null;
        inner.onTimer(ms, ctx, timing.wrap(out, null));
        if (due != null) {
            for (AccountInput in : due) {
                Latencies.record(Latencies.TRIGGER, in.evalTs());
            }
        }
    }

    @Override
    public void processBroadcastElement(ControlMessage msg, Context ctx, Collector<DecidedAction> out) throws Exception {
        inner.processBroadcastElement(msg, ctx, out);
    }

    /** Stamps each action as it is emitted. */
    private static final class TimingCollector implements Collector<DecidedAction> {
        private Collector<DecidedAction> out;
        private java.time.Instant source;

        /** @param source the source time of the trigger being applied, or null: the action's ts */
        Collector<DecidedAction> wrap(Collector<DecidedAction> target, java.time.Instant source) {
            this.out = target;
            this.source = source;
            return this;
        }

        @Override
        public void collect(DecidedAction d) {
            if (d.phase() == DecidedAction.EVENT) {
                Latencies.record(Latencies.ACTION, source != null ? source : d.action().ts());
            } else {
                Latencies.record(Latencies.TIMER_ACTION, d.action().ts());
            }
            out.collect(d);
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
