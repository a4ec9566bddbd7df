package io.riskguard.job.operators;

import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.Event;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.SourceRecord;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each source record where it belongs: rejected lines to the dead letters, the end-of-input
 * marker to every AccountRisk subtask, quotes to MarkToMarket (by contract), and the account's own
 * events straight to AccountRisk. Clock events have already moved the
 * watermark at the source and go no further. Counts events by type and dead letters.
 */
public final class RouteEvents extends ProcessFunction<SourceRecord, AccountInput> {

    private static final long serialVersionUID = 1L;

    /** Accumulators the replay command reads back for its summary. */
    public static final String LINES = "lines";
    public static final String HORIZON_NANOS = "horizon-nanos";

    private transient Map<io.riskguard.contract.EventType, Counter> eventsByType;
    private transient RejectedInputCounters rejectedInput;
    private transient LongCounter lines;
    private transient LongMaximum horizon;

    @Override
    public void open(OpenContext openContext) {
        eventsByType = new EnumMap<>(io.riskguard.contract.EventType.class);
        for (io.riskguard.contract.EventType t : io.riskguard.contract.EventType.values()) {
            eventsByType.put(t, getRuntimeContext().getMetricGroup().addGroup("eventType", t.wireName())
                    .counter("events"));
        }
        rejectedInput = new RejectedInputCounters(getRuntimeContext().getMetricGroup());
        lines = getRuntimeContext().getLongCounter(LINES);
        horizon = new LongMaximum();
        getRuntimeContext().addAccumulator(HORIZON_NANOS, horizon);
    }

    @Override
    public void processElement(SourceRecord r, Context ctx, Collector<AccountInput> out) {
        if (r.end()) {
            horizon.add(r.evalTs().getEpochSecond() * 1_000_000_000L + r.evalTs().getNano());
            ctx.output(RiskState.CONTROL, ControlMessage.endOfReplay(r.evalTs()));
            return;
        }
        if (r.rejection() != null || r.event() != null) {
            lines.add(1L);
        }
        if (r.rejection() != null) {
            rejectedInput.count(r.cause());
            ctx.output(RiskState.DEAD_LETTERS,
                    new DeadLetterRecord(r.seq(), DeadLetter.rejected(r.cause(), r.rejection(), r.line())));
            return;
        }
        Event e = r.event();
        if (e == null) {
            return; // filler after the end of a replay cut short by --until
        }
        eventsByType.get(e.type()).inc();
        if (e instanceof ClockEvent) {
            return;
        }
        if (e instanceof QuoteEvent q) {
            ctx.output(RiskState.CONTRACT_INPUTS, new ContractInput(q.contractId(), r.seq(), r.evalTs(), q));
        } else if (e instanceof AccountScopedEvent a) {
            out.collect(AccountInput.event(a.accountId(), r.seq(), r.evalTs(), e));
        }
    }
}
