package io.riskguard.job.operators;

import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.market.QuoteState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by contract: merges the contract's quotes (RULES.md §1.5) and remembers which accounts hold
 * it. Each quote becomes one mark per holding account, so quote fan-out follows the holders of a
 * contract, not quotes × parallelism. Each position event is passed on to its account with the
 * contract's quote at that moment, so the account can mark a position it has just opened. Every
 * quote is forwarded, even at an unchanged price: its timestamp keeps the mark fresh.
 *
 * <p>Quotes and position events may arrive on different paths (two Kafka topics): with
 * {@link Ordering#EVENT_TIME} they are buffered and applied in (ts, seq) order as the watermark
 * passes, so a quote is never applied before an earlier position event, nor after a later one.
 */
public final class MarkToMarket extends KeyedProcessFunction<String, ContractInput, AccountInput> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<ContractInput> ORDER =
            Comparator.comparing(ContractInput::evalTs).thenComparingLong(ContractInput::seq);

    private final Ordering ordering;
    private transient ValueState<QuoteState> quote;
    private transient MapState<Long, Boolean> holders;
    private transient MapState<Long, List<ContractInput>> buffer;

    public MarkToMarket() {
        this(Ordering.ARRIVAL);
    }

    public MarkToMarket(Ordering ordering) {
        this.ordering = ordering;
    }

    @Override
    public void open(OpenContext openContext) {
        quote = getRuntimeContext().getState(RiskState.quote());
        holders = getRuntimeContext().getMapState(RiskState.holders());
        buffer = getRuntimeContext().getMapState(RiskState.contractBuffer());
    }

    @Override
    public void processElement(ContractInput in, Context ctx, Collector<AccountInput> out) throws Exception {
        if (ordering == Ordering.ARRIVAL) {
            apply(in, out);
            return;
        }
        long ms = Millis.ceil(in.evalTs());
        List<ContractInput> waiting = buffer.get(ms);
        List<ContractInput> next = waiting == null ? new ArrayList<>(1) : new ArrayList<>(waiting);
        next.add(in);
        buffer.put(ms, next);
        ctx.timerService().registerEventTimeTimer(ms);
    }

    @Override
    public void onTimer(long ms, OnTimerContext ctx, Collector<AccountInput> out) throws Exception {
        List<ContractInput> due = buffer.get(ms);
        if (due == null) {
            return;
        }
        buffer.remove(ms);
        List<ContractInput> sorted = new ArrayList<>(due);
        sorted.sort(ORDER);
        for (ContractInput in : sorted) {
            apply(in, out);
        }
    }

    private void apply(ContractInput in, Collector<AccountInput> out) throws Exception {
        if (in.event() instanceof QuoteEvent q) {
            QuoteState previous = quote.value();
            QuoteState merged = previous == null ? QuoteState.of(q) : previous.merge(q);
            quote.update(merged);
            for (Long account : holders.keys()) {
                out.collect(AccountInput.mark(account, in.seq(), in.evalTs(), in.contractId(), merged));
            }
        } else if (in.event() instanceof PositionEvent p) {
            if (p.size() > 0) {
                holders.put(p.accountId(), Boolean.TRUE);
            } else {
                holders.remove(p.accountId());
            }
            out.collect(AccountInput.position(p.accountId(), in.seq(), in.evalTs(), p, in.contractId(), quote.value()));
        }
    }
}
