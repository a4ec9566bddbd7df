package io.riskguard.job.operators;

import io.riskguard.fanout.MarkHistory;
import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractMarks;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;

/**
 * What an AccountRisk subtask keeps in memory and writes to Flink state only in snapshots: the
 * control messages (replay end, latest config), the quote book and the quotes waiting for the
 * watermark (broadcast state, the same on every subtask), each contract's mark history (union
 * state: subtasks trim theirs differently, so a restore keeps the longest), and the accounts' inputs
 * waiting for the watermark (keyed state of each account).
 */
final class SubtaskState {

    private static final String HORIZON = "replay-horizon";
    private static final String CONFIG = "config";

    private final BroadcastState<String, ControlMessage> control;
    private final BroadcastState<String, QuoteState> quoteBook;
    private final BroadcastState<Long, List<MarketInput>> quoteBuffer;
    private final ListState<ContractMarks> markHistories;
    private MapState<Long, List<AccountInput>> buffer;

    SubtaskState(OperatorStateStore operatorState) throws Exception {
        control = operatorState.getBroadcastState(RiskState.CONTROL_STATE);
        quoteBook = operatorState.getBroadcastState(RiskState.QUOTE_BOOK);
        quoteBuffer = operatorState.getBroadcastState(RiskState.QUOTE_BUFFER);
        markHistories = operatorState.getUnionListState(RiskState.markHistories());
    }

    /** Keyed state is reachable once the operator is open. */
    void open(KeyedStateStore keyedState) {
        buffer = keyedState.getMapState(RiskState.replayBuffer());
    }

    /** The end of the replay (no timer fires after it), or null. */
    Instant horizon() {
        try {
            ControlMessage end = control.get(HORIZON);
            return end == null ? null : end.replayHorizon();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the replay horizon", e);
        }
    }

    /** The latest configuration received over the control stream, or null. */
    ControlMessage latestConfig() throws Exception {
        return control.get(CONFIG);
    }

    void control(ControlMessage msg, boolean newConfig) throws Exception {
        if (msg.replayHorizon() != null) {
            control.put(HORIZON, msg);
        }
        if (newConfig) {
            control.put(CONFIG, msg);
        }
    }

    /** Removes the current account's waiting inputs of millisecond {@code ms} (they are being applied). */
    void unstore(long ms) throws Exception {
        buffer.remove(ms);
    }

    /** Writes the current account's waiting inputs of millisecond {@code ms}. */
    void store(long ms, List<AccountInput> inputs) throws Exception {
        buffer.put(ms, inputs);
    }

    void snapshot(QuoteFanOut fanOut, Map<Long, List<MarketInput>> waitingQuotes) throws Exception {
        for (Map.Entry<String, QuoteState> q : fanOut.quotes().entrySet()) {
            quoteBook.put(q.getKey(), q.getValue());
        }
        quoteBuffer.clear();
        for (Map.Entry<Long, List<MarketInput>> e : waitingQuotes.entrySet()) {
            quoteBuffer.put(e.getKey(), List.copyOf(e.getValue()));
        }
        List<ContractMarks> histories = new ArrayList<>();
        fanOut.histories().forEach((c, h) -> histories.add(new ContractMarks(c, h)));
        markHistories.update(histories);
    }

    /** Restores the quote book, the waiting quotes and the longest mark history of each contract. */
    void restore(QuoteFanOut fanOut, EventTimeSequencer<Long, AccountInput, MarketInput> sequencer) throws Exception {
        for (Map.Entry<String, QuoteState> q : quoteBook.entries()) {
            fanOut.restoreQuote(q.getKey(), q.getValue());
        }
        for (Map.Entry<Long, List<MarketInput>> e : quoteBuffer.entries()) {
            e.getValue().forEach(q -> sequencer.addShared(e.getKey(), q));
        }
        Map<String, MarkHistory.Snapshot> longest = new HashMap<>();
        for (ContractMarks m : markHistories.get()) {
            longest.merge(m.contractId(), m.history(), (a, b) -> entries(b) > entries(a) ? b : a);
        }
        longest.forEach(fanOut::restoreHistory);
    }

    /**
     * Restores, from the accounts' keyed state, each account's place in the subtask's indexes
     * (holdings, timers, locks) and its inputs waiting for the watermark.
     */
    void restoreAccounts(KeyedStateBackend<Long> backend, LongConsumer setKey, SubtaskTriggers triggers,
            EventTimeSequencer<Long, AccountInput, MarketInput> sequencer) throws Exception {
        for (long account : keys(backend, RiskState.accountValues().getName())) {
            triggers.restored(account);
        }
        for (long account : keys(backend, RiskState.replayBuffer().getName())) {
            setKey.accept(account);
            for (Map.Entry<Long, List<AccountInput>> e : buffer.entries()) {
                sequencer.restored(e.getKey(), account, e.getValue());
            }
        }
    }

    private static List<Long> keys(KeyedStateBackend<Long> backend, String stateName) {
        try (Stream<Long> keys = backend.getKeys(stateName, VoidNamespace.INSTANCE)) {
            return keys.distinct().sorted().toList();
        }
    }

    private static int entries(MarkHistory.Snapshot s) {
        return s.highs().size() + s.lows().size();
    }
}
