package io.riskguard.job.operators;

import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
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
        implements OneInputStreamOperator<ContractInput, MarketInput>,
        EventTimeSequencer.Handler<String, ContractInput, ContractInput> {

    private static final long serialVersionUID = 3L;

    private final Ordering ordering;
    private transient ValueState<QuoteState> quote;
    private transient MapState<Long, List<ContractInput>> buffer;
    private transient MapState<Long, Boolean> previousReleaseHolders;
    private transient Map<String, QuoteState> merged;
    private transient Set<String> unsaved;
    private transient EventTimeSequencer<String, ContractInput, ContractInput> sequencer;
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
        sequencer = new EventTimeSequencer<>();
        out = new StreamRecord<>(null);
        if (restored) {
            getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, new IgnoredTimers<String>());
            List<String> contracts;
            KeyedStateBackend<String> backend = getKeyedStateBackend();
            try (Stream<String> keys = backend.getKeys(RiskState.contractBuffer().getName(), VoidNamespace.INSTANCE)) {
                contracts = keys.distinct().toList();
            }
            for (String contractId : contracts) {
                setCurrentKey(contractId);
                for (Map.Entry<Long, List<ContractInput>> e : buffer.entries()) {
                    sequencer.restored(e.getKey(), contractId, e.getValue());
                }
            }
        }
    }

    @Override
    public void processElement(StreamRecord<ContractInput> record) throws Exception {
        ContractInput in = record.getValue();
        if (ordering == Ordering.ARRIVAL) {
            apply(in.contractId(), in);
        } else {
            sequencer.add(in.contractId(), in);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        sequencer.drainUpTo(mark.getTimestamp(), this);
        super.processWatermark(mark);
    }

    @Override
    public void apply(String contractId, ContractInput in) throws Exception {
        setCurrentKey(contractId);
        if (!merged.containsKey(contractId)) { // read from keyed state once, the first time it is needed
            merged.put(contractId, quote.value());
            previousReleaseHolders.clear(); // the holders are AccountRisk's business now
        }
        if (in.event() instanceof QuoteEvent q) {
            QuoteState previous = merged.get(contractId);
            QuoteState next = previous == null ? QuoteState.of(q) : previous.merge(q);
            merged.put(contractId, next);
            unsaved.add(contractId);
            output.collect(out.replace(MarketInput.quote(contractId, in.seq(), in.evalTs(), next),
                    Millis.ceil(in.evalTs())));
        } else if (in.event() instanceof PositionEvent p) {
            output.collect(RiskState.BUFFERED_POSITIONS,
                    new StreamRecord<>(AccountInput.event(p.accountId(), in.seq(), in.evalTs(), p)));
        }
    }

    /** No input is shared between contracts. */
    @Override
    public void applyShared(ContractInput input) {
        throw new IllegalStateException("MarkToMarket has no shared inputs");
    }

    /** No timers: quotes are merged as they come. */
    @Override
    public void fireTimersUpTo(Instant upTo) {}

    @Override
    public void unstore(long ms, String contractId) throws Exception {
        setCurrentKey(contractId);
        buffer.remove(ms);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        for (String contractId : unsaved) {
            setCurrentKey(contractId);
            quote.update(merged.get(contractId));
        }
        unsaved.clear();
        sequencer.snapshot((ms, contractId, inputs) -> {
            setCurrentKey(contractId);
            buffer.put(ms, inputs);
        });
    }
}
