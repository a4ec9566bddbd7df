package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.ES;
import static io.riskguard.job.operators.TestEvents.MNQ;
import static io.riskguard.job.operators.TestEvents.at;
import static io.riskguard.job.operators.TestEvents.ms;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.positionLine;
import static io.riskguard.job.operators.TestEvents.quoteLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.Event;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.MarketInput;
import io.riskguard.market.QuoteState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MarkToMarket, keyed by contract (RULES.md §1.5 quotes): merges quotes field by field and passes
 * every merged quote on, with its seq and evaluation time, for the broadcast to AccountRisk. It
 * holds nothing per holder.
 */
class MarkToMarketTest {

    private KeyedOneInputStreamOperatorTestHarness<String, ContractInput, MarketInput> harness;
    private long seq;
    private long checkpoint;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void open(Ordering ordering) throws Exception {
        harness = newHarness(ordering);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ContractInput, MarketInput> newHarness(
            Ordering ordering) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new MarkToMarket(ordering), ContractInput::contractId,
                Types.STRING);
    }

    private void send(String line) throws Exception {
        send(seq++, line);
    }

    private void send(long s, String line) throws Exception {
        Event e = parse(line);
        String contract = e instanceof QuoteEvent q ? q.contractId() : ((PositionEvent) e).contractId();
        harness.processElement(new ContractInput(contract, s, e.ts(), e), ms(e.ts()));
    }

    private List<MarketInput> drain() {
        List<MarketInput> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    private static QuoteState quote(String last, String bid, String ask, String time) {
        return new QuoteState(dec(last), dec(bid), dec(ask), at(time));
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** The merged quote as the keyed state holds it once a snapshot has been taken. */
    private QuoteState storedQuote(String contract) throws Exception {
        harness.snapshot(++checkpoint, 0);
        harness.getOperator().setCurrentKey(contract);
        ValueState<QuoteState> state = harness.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RiskState.quote());
        return state.value();
    }

    @Test
    void aQuoteIsMergedFieldByFieldAndAMissingOrZeroFieldKeepsThePreviousValue() throws Exception {
        open(Ordering.ARRIVAL);
        send(quoteLine("15:00:01", MNQ, "21000.50", "21000.25", "21000.75"));
        assertThat(drain()).extracting(MarketInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21000.75", "15:00:01"));

        // lastPrice zero, bestBid missing: both keep their previous values; bestAsk moves
        send(quoteLine("15:00:02", MNQ, "0", null, "21001.00"));
        assertThat(drain()).extracting(MarketInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21001.00", "15:00:02"));

        // a quote with no price at all still refreshes quoteTs
        send(quoteLine("15:00:03", MNQ, null, null, null));
        assertThat(drain()).extracting(MarketInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21001.00", "15:00:03"));
    }

    @Test
    void aFirstQuoteWithMissingFieldsStartsThemAsNull() throws Exception {
        open(Ordering.ARRIVAL);
        send(quoteLine("15:00:01", MNQ, null, "20950.00", "20950.50"));

        assertThat(storedQuote(MNQ)).isEqualTo(quote(null, "20950.00", "20950.50", "15:00:01"));
        assertThat(storedQuote(MNQ).mark()).isEqualByComparingTo("20950.25");
    }

    @Test
    void quotesOfDifferentContractsAreKeptApart() throws Exception {
        open(Ordering.ARRIVAL);
        send(quoteLine("15:00:01", MNQ, "21000.00", null, null));
        send(quoteLine("15:00:02", ES, "6000.00", null, null));

        assertThat(drain()).containsExactly(
                MarketInput.quote(MNQ, 0, at("15:00:01"), quote("21000.00", null, null, "15:00:01")),
                MarketInput.quote(ES, 1, at("15:00:02"), quote("6000.00", null, null, "15:00:02")));
    }

    @Test
    void everyQuoteIsPassedOnEvenAtAnUnchangedPriceOnlyOncePerQuote() throws Exception {
        open(Ordering.ARRIVAL);
        for (int i = 0; i < 5; i++) {
            send(quoteLine("15:00:0" + i, MNQ, "21000.00", null, null));
        }

        assertThat(drain()).extracting(MarketInput::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void withEventTimeOrderingQuotesAreMergedInTsOrderAsTheWatermarkPasses() throws Exception {
        open(Ordering.EVENT_TIME);
        send(1, quoteLine("15:00:02", MNQ, "21001.00", null, null));
        send(0, quoteLine("15:00:01", MNQ, "21000.00", "20999.75", null));
        assertThat(drain()).isEmpty();

        harness.processWatermark(ms("15:00:02"));

        assertThat(drain()).containsExactly(
                MarketInput.quote(MNQ, 0, at("15:00:01"), quote("21000.00", "20999.75", null, "15:00:01")),
                MarketInput.quote(MNQ, 1, at("15:00:02"), quote("21001.00", "20999.75", null, "15:00:02")));
    }

    @Test
    void aSnapshotRestoredIntoANewHarnessKeepsTheMergedQuoteAndWhatWaits() throws Exception {
        open(Ordering.EVENT_TIME);
        send(quoteLine("15:00:01", MNQ, "21000.00", "20999.75", null));
        harness.processWatermark(ms("15:00:01"));
        send(quoteLine("15:00:02", MNQ, "21001.00", null, null));
        drain();
        OperatorSubtaskState snapshot = harness.snapshot(1, ms("15:00:02"));
        harness.close();

        harness = newHarness(Ordering.EVENT_TIME);
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(ms("15:00:02"));

        assertThat(drain()).containsExactly(
                MarketInput.quote(MNQ, 1, at("15:00:02"), quote("21001.00", "20999.75", null, "15:00:02")));
    }

    @Test
    void onlyTheMergedQuoteIsKeptPerContract() throws Exception {
        open(Ordering.EVENT_TIME);
        send(quoteLine("15:00:01", MNQ, "21000.00", null, null));
        harness.processWatermark(ms("15:00:01"));
        harness.snapshot(1, ms("15:00:01"));

        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        assertThat(backend.getKeys(RiskState.quote().getName(), VoidNamespace.INSTANCE)).containsExactly(MNQ);
        assertThat(backend.getKeys(RiskState.contractBuffer().getName(), VoidNamespace.INSTANCE)).isEmpty();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aQuoteAddedAfterASnapshotToAWaitingMillisecondLeavesNothingBehindOnceApplied() throws Exception {
        open(Ordering.EVENT_TIME);
        send(quoteLine("15:00:01", MNQ, "21000.00", null, null));
        harness.snapshot(1, ms("15:00:00"));
        send(quoteLine("15:00:01", MNQ, "21000.25", null, null));
        harness.processWatermark(ms("15:00:01"));
        assertThat(drain()).hasSize(2);
        OperatorSubtaskState snapshot = harness.snapshot(2, ms("15:00:01"));

        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        assertThat(backend.getKeys(RiskState.contractBuffer().getName(), VoidNamespace.INSTANCE))
                .as("the first snapshot's entry is gone with the quotes it held").isEmpty();
        harness.close();
        harness = newHarness(Ordering.EVENT_TIME);
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(ms("15:00:02"));
        assertThat(drain()).as("nothing applied twice after a restore").isEmpty();
    }

    /**
     * The previous release routed position events through here too; a savepoint of it may still hold
     * some in the buffer, and its holders per contract. The events go on to their accounts, the
     * holders are dropped.
     */
    @Test
    void positionEventsAndHoldersLeftByThePreviousReleaseGoToTheirAccountAndAreDropped() throws Exception {
        open(Ordering.EVENT_TIME);
        PositionEvent p = (PositionEvent) parse(positionLine("15:00:00", 2002, 1, MNQ, 1, 1, "21000.00"));
        harness.getOperator().setCurrentKey(MNQ);
        MapState<Long, List<ContractInput>> buffer = harness.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RiskState.contractBuffer());
        buffer.put(ms("15:00:00"), new ArrayList<>(List.of(new ContractInput(MNQ, 7, at("15:00:00"), p))));
        MapState<Long, Boolean> holders = harness.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RiskState.Legacy.holders());
        holders.put(2002L, true);
        OperatorSubtaskState snapshot = harness.snapshot(1, ms("15:00:00") - 1);
        harness.close();
        harness = newHarness(Ordering.EVENT_TIME);
        harness.initializeState(snapshot);
        harness.open();
        harness.getOperator().setCurrentKey(MNQ);
        holders = harness.getOperator().getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                RiskState.Legacy.holders());
        assertThat(holders.isEmpty()).as("still there before the contract's next quote").isFalse();

        send(quoteLine("15:00:01", MNQ, "21000.25", null, null));
        harness.processWatermark(ms("15:00:01"));

        assertThat(harness.getSideOutput(RiskState.BUFFERED_POSITIONS)).extracting(StreamRecord::getValue)
                .containsExactly(AccountInput.event(2002, 7, at("15:00:00"), p));
        assertThat(drain()).extracting(MarketInput::seq).containsExactly(seq - 1);
        harness.getOperator().setCurrentKey(MNQ);
        assertThat(holders.isEmpty()).isTrue();
    }
}
