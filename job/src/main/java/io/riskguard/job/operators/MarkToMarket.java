package io.riskguard.job.operators;

import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by contract: merges the contract's quotes field by field (RULES.md §1.5) and passes each
 * merged quote on, to be broadcast to every AccountRisk subtask (each delivers it only to the
 * holders whose quiet band it leaves). Every quote is passed on, even at an unchanged price: its
 * timestamp keeps the mark fresh. O(1) per quote whatever the number of holders, and no state access
 * per quote: the merged quotes (and, with {@link Ordering#EVENT_TIME}, the quotes waiting for the
 * watermark to be merged in (ts, seq) order) are kept in memory and written to keyed state when a
 * snapshot is taken.
 *
 * <p>A savepoint of the previous release may hold position events in the buffer (they went through
 * here then): they are sent on to their account. Its holders per contract are dropped, and its Flink
 * timers run out.
 */
public final class MarkToMarket extends AbstractStreamOperator<MarketInput>
        implements OneInputStreamOperator<ContractInput, MarketInput> {

    private static final long serialVersionUID = 3L;
    private static final Comparator<ContractInput> ORDER =
            Comparator.comparing(ContractInput::evalTs).thenComparingLong(ContractInput::seq);

    /**
     * One contract's inputs of one millisecond: {@code inState} once the keyed state has an entry
     * for them (to be removed when they are applied), {@code stored} while that entry holds them all.
     */
    private static final class Waiting {
        final List<ContractInput> inputs = new ArrayList<>(2);
        boolean inState;
        boolean stored;
    }

    private final Ordering ordering;
    private transient ValueState<QuoteState> quote;
    private transient MapState<Long, List<ContractInput>> buffer;
    private transient MapState<Long, Boolean> previousReleaseHolders;
    private transient Map<String, QuoteState> merged;
    private transient Set<String> unsaved;
    private transient NavigableMap<Long, TreeMap<String, Waiting>> waiting;
    private transient boolean restored;
    private transient StreamRecord<MarketInput> out;

    public MarkToMarket() {
        this(Ordering.ARRIVAL);
    }

    public MarkToMarket(Ordering ordering) {
        this.ordering = ordering;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
    }

    @Override
    public void open() throws Exception {
        super.open();
        quote = getKeyedStateStore().getState(RiskState.quote());
        buffer = getKeyedStateStore().getMapState(RiskState.contractBuffer());
        previousReleaseHolders = getKeyedStateStore().getMapState(RiskState.Legacy.holders());
        merged = new HashMap<>();
        unsaved = new HashSet<>();
        waiting = new TreeMap<>();
        out = new StreamRecord<>(null);
        if (restored) {
            getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, new IgnoreTimers());
            List<String> contracts;
            KeyedStateBackend<String> backend = getKeyedStateBackend();
            try (Stream<String> keys = backend.getKeys(RiskState.contractBuffer().getName(), VoidNamespace.INSTANCE)) {
                contracts = keys.distinct().toList();
            }
            for (String contractId : contracts) {
                setCurrentKey(contractId);
                for (Map.Entry<Long, List<ContractInput>> e : buffer.entries()) {
                    Waiting w = waiting(e.getKey(), contractId);
                    w.inputs.addAll(e.getValue());
                    w.inState = true;
                    w.stored = true;
                }
            }
        }
    }

    @Override
    public void processElement(StreamRecord<ContractInput> record) throws Exception {
        ContractInput in = record.getValue();
        load(in.contractId());
        if (ordering == Ordering.ARRIVAL) {
            apply(in);
            return;
        }
        Waiting w = waiting(Millis.ceil(in.evalTs()), in.contractId());
        w.inputs.add(in);
        w.stored = false;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        while (!waiting.isEmpty() && waiting.firstKey() <= mark.getTimestamp()) {
            Map.Entry<Long, TreeMap<String, Waiting>> bucket = waiting.pollFirstEntry();
            for (Map.Entry<String, Waiting> e : bucket.getValue().entrySet()) {
                setCurrentKey(e.getKey());
                load(e.getKey());
                if (e.getValue().inState) {
                    buffer.remove(bucket.getKey());
                }
                List<ContractInput> sorted = new ArrayList<>(e.getValue().inputs);
                sorted.sort(ORDER);
                for (ContractInput in : sorted) {
                    apply(in);
                }
            }
        }
        super.processWatermark(mark);
    }

    /** The contract's merged quote is read from keyed state once, the first time it is needed. */
    private void load(String contractId) throws Exception {
        if (!merged.containsKey(contractId)) {
            merged.put(contractId, quote.value());
            previousReleaseHolders.clear(); // the holders are AccountRisk's business now
        }
    }

    private Waiting waiting(long ms, String contractId) {
        return waiting.computeIfAbsent(ms, k -> new TreeMap<>()).computeIfAbsent(contractId, k -> new Waiting());
    }

    private void apply(ContractInput in) {
        if (in.event() instanceof QuoteEvent q) {
            QuoteState previous = merged.get(in.contractId());
            QuoteState next = previous == null ? QuoteState.of(q) : previous.merge(q);
            merged.put(in.contractId(), next);
            unsaved.add(in.contractId());
            output.collect(out.replace(MarketInput.quote(in.contractId(), in.seq(), in.evalTs(), next),
                    Millis.ceil(in.evalTs())));
        } else if (in.event() instanceof PositionEvent p) {
            output.collect(RiskState.BUFFERED_POSITIONS,
                    new StreamRecord<>(AccountInput.event(p.accountId(), in.seq(), in.evalTs(), p)));
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        for (String contractId : unsaved) {
            setCurrentKey(contractId);
            quote.update(merged.get(contractId));
        }
        unsaved.clear();
        for (Map.Entry<Long, TreeMap<String, Waiting>> bucket : waiting.entrySet()) {
            for (Map.Entry<String, Waiting> e : bucket.getValue().entrySet()) {
                if (!e.getValue().stored) {
                    setCurrentKey(e.getKey());
                    buffer.put(bucket.getKey(), List.copyOf(e.getValue().inputs));
                    e.getValue().inState = true;
                    e.getValue().stored = true;
                }
            }
        }
    }

    /** The previous release registered a Flink timer per buffered millisecond: the buffer is found from state now. */
    private static final class IgnoreTimers implements Triggerable<String, VoidNamespace> {

        @Override
        public void onEventTime(InternalTimer<String, VoidNamespace> timer) {}

        @Override
        public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}
    }
}
