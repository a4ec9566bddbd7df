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
import io.riskguard.market.QuoteState;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MarkToMarket, keyed by contract (DESIGN.md "Data flow", RULES.md §1.5 quotes): merges quotes field
 * by field, remembers which accounts hold the contract, turns each quote into one mark per holder,
 * and passes position events on with the contract's quote of that moment.
 */
class MarkToMarketTest {

    private KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> harness;
    private long seq;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MarkToMarket()),
                ContractInput::contractId, Types.STRING);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> h,
            long seq, String line) throws Exception {
        Event e = parse(line);
        String contract = e instanceof QuoteEvent q ? q.contractId() : ((PositionEvent) e).contractId();
        h.processElement(new ContractInput(contract, seq, e.ts(), e), ms(e.ts()));
    }

    private void send(String line) throws Exception {
        send(harness, seq++, line);
    }

    private List<AccountInput> drain() {
        List<AccountInput> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    private static QuoteState quote(String last, String bid, String ask, String time) {
        return new QuoteState(dec(last), dec(bid), dec(ask), at(time));
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** Holders of {@code contract} as stored in the keyed state. */
    private static Map<Long, Boolean> holders(
            KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> h, String contract)
            throws Exception {
        h.getOperator().setCurrentKey(contract);
        MapState<Long, Boolean> state = h.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RiskState.holders());
        Map<Long, Boolean> copy = new HashMap<>();
        for (Map.Entry<Long, Boolean> e : state.entries()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }

    private static QuoteState storedQuote(
            KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> h, String contract)
            throws Exception {
        h.getOperator().setCurrentKey(contract);
        ValueState<QuoteState> state = h.getOperator().getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, RiskState.quote());
        return state.value();
    }

    private static List<String> keysWithState(
            KeyedOneInputStreamOperatorTestHarness<String, ContractInput, AccountInput> h, String stateName) {
        KeyedStateBackend<String> backend = h.getOperator().getKeyedStateBackend();
        return backend.getKeys(stateName, VoidNamespace.INSTANCE).toList();
    }

    // ---- merging -----------------------------------------------------------------------------

    @Test
    void aQuoteIsMergedFieldByFieldAndAMissingOrZeroFieldKeepsThePreviousValue() throws Exception {
        send(positionLine("15:00:00", 2002, 1, MNQ, 1, 1, "21000.00"));
        drain();

        send(quoteLine("15:00:01", MNQ, "21000.50", "21000.25", "21000.75"));
        assertThat(drain()).extracting(AccountInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21000.75", "15:00:01"));

        // lastPrice zero, bestBid missing: both keep their previous values; bestAsk moves
        send(quoteLine("15:00:02", MNQ, "0", null, "21001.00"));
        assertThat(drain()).extracting(AccountInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21001.00", "15:00:02"));

        // a quote with no price at all still refreshes quoteTs
        send(quoteLine("15:00:03", MNQ, null, null, null));
        assertThat(drain()).extracting(AccountInput::quote)
                .containsExactly(quote("21000.50", "21000.25", "21001.00", "15:00:03"));

        send(quoteLine("15:00:04", MNQ, "21002.00", "0", "0"));
        assertThat(drain()).extracting(AccountInput::quote)
                .containsExactly(quote("21002.00", "21000.25", "21001.00", "15:00:04"));
    }

    @Test
    void aFirstQuoteWithMissingFieldsStartsThemAsNull() throws Exception {
        send(quoteLine("15:00:01", MNQ, null, "20950.00", "20950.50"));

        assertThat(storedQuote(harness, MNQ)).isEqualTo(quote(null, "20950.00", "20950.50", "15:00:01"));
        assertThat(storedQuote(harness, MNQ).mark()).isEqualByComparingTo("20950.25");
    }

    @Test
    void quotesOfDifferentContractsAreKeptApart() throws Exception {
        send(quoteLine("15:00:01", MNQ, "21000.00", null, null));
        send(quoteLine("15:00:02", ES, "6000.00", null, null));

        assertThat(storedQuote(harness, MNQ)).isEqualTo(quote("21000.00", null, null, "15:00:01"));
        assertThat(storedQuote(harness, ES)).isEqualTo(quote("6000.00", null, null, "15:00:02"));
    }

    // ---- fan-out ------------------------------------------------------------------------------

    @Test
    void aQuoteFansOutOneMarkPerHoldingAccount() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:00", 2002, 2, MNQ, 2, 3, "21010.00"));
        send(positionLine("15:00:00", 3003, 3, ES, 1, 1, "6000.00"));
        drain();

        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));   // seq 3

        QuoteState q = quote("21001.00", null, null, "15:00:01");
        assertThat(drain()).containsExactlyInAnyOrder(
                AccountInput.mark(1001, 3, at("15:00:01"), MNQ, q),
                AccountInput.mark(2002, 3, at("15:00:01"), MNQ, q));
    }

    @Test
    void aMarkIsAMarkNotAnAccountEvent() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        drain();
        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));

        AccountInput mark = drain().get(0);
        assertThat(mark.isMark()).isTrue();
        assertThat(mark.event()).isNull();
        assertThat(mark.contractId()).isEqualTo(MNQ);
    }

    @Test
    void aQuoteThatNobodyHoldsEmitsNothing() throws Exception {
        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));
        assertThat(drain()).isEmpty();

        send(positionLine("15:00:02", 1001, 1, ES, 1, 1, "6000.00"));
        drain();
        send(quoteLine("15:00:03", MNQ, "21002.00", null, null));
        assertThat(drain()).as("a holder of another contract gets no MNQ mark").isEmpty();
    }

    @Test
    void everyQuoteIsForwardedEvenAtAnUnchangedPrice() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        drain();
        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));
        send(quoteLine("15:00:02", MNQ, "21001.00", null, null));

        assertThat(drain()).extracting(m -> m.quote().quoteTs()).containsExactly(at("15:00:01"), at("15:00:02"));
    }

    // ---- position events ----------------------------------------------------------------------

    @Test
    void aPositionEventBeforeAnyQuotePassesThroughWithoutAQuote() throws Exception {
        Event p = parse(positionLine("15:00:00", 2002, 1, MNQ, 1, 1, "21000.00"));
        harness.processElement(new ContractInput(MNQ, 5, p.ts(), p), ms(p.ts()));

        assertThat(drain()).containsExactly(AccountInput.position(2002, 5, at("15:00:00"), p, MNQ, null));
    }

    @Test
    void aPositionEventPassesThroughWithTheContractsCurrentQuote() throws Exception {
        send(quoteLine("15:00:01", MNQ, "21000.50", "21000.25", null));
        send(quoteLine("15:00:02", MNQ, null, null, "21000.75"));
        Event p = parse(positionLine("15:00:03", 2002, 1, MNQ, 1, 2, "21000.00"));
        harness.processElement(new ContractInput(MNQ, 9, p.ts(), p), ms(p.ts()));

        assertThat(drain()).containsExactly(AccountInput.position(2002, 9, at("15:00:03"), p, MNQ,
                quote("21000.50", "21000.25", "21000.75", "15:00:02")));
    }

    @Test
    void aPositionEventKeepsItsEvaluationTime() throws Exception {
        Event p = parse(positionLine("15:00:00", 2002, 1, MNQ, 1, 1, "21000.00"));
        harness.processElement(new ContractInput(MNQ, 5, at("15:00:07"), p), ms(at("15:00:07")));

        assertThat(drain().get(0).evalTs()).isEqualTo(at("15:00:07"));
    }

    @Test
    void aCloseRemovesTheHolderButIsStillPassedOn() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:00", 2002, 2, MNQ, 1, 1, "21000.00"));
        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));
        drain();

        Event close = parse(positionLine("15:00:02", 1001, 1, MNQ, 1, 0, "0"));
        harness.processElement(new ContractInput(MNQ, 10, close.ts(), close), ms(close.ts()));
        assertThat(drain()).containsExactly(AccountInput.position(1001, 10, at("15:00:02"), close, MNQ,
                quote("21001.00", null, null, "15:00:01")));

        send(quoteLine("15:00:03", MNQ, "21002.00", null, null));
        assertThat(drain()).extracting(AccountInput::accountId).containsExactly(2002L);
        assertThat(holders(harness, MNQ)).containsOnlyKeys(2002L);
    }

    @Test
    void aReducedPositionStillHolds() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 3, "21000.00"));
        send(positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"));
        drain();
        send(quoteLine("15:00:02", MNQ, "21001.00", null, null));

        assertThat(drain()).extracting(AccountInput::accountId).containsExactly(1001L);
    }

    @Test
    void aCloseOfAnAccountThatNeverHeldChangesNothing() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:01", 2002, 2, MNQ, 1, 0, "0"));

        assertThat(holders(harness, MNQ)).containsOnlyKeys(1001L);
    }

    // ---- state --------------------------------------------------------------------------------

    @Test
    void aSnapshotRestoredIntoANewHarnessKeepsTheQuoteAndTheHolders() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:00", 2002, 2, MNQ, 2, 1, "21000.00"));
        send(positionLine("15:00:00", 3003, 3, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:01", 3003, 3, MNQ, 1, 0, "0"));
        send(quoteLine("15:00:02", MNQ, "21000.50", "21000.25", "21000.75"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();

        assertThat(storedQuote(harness, MNQ)).isEqualTo(quote("21000.50", "21000.25", "21000.75", "15:00:02"));
        assertThat(holders(harness, MNQ)).containsOnlyKeys(1001L, 2002L);

        // a quote after the restore merges into the restored one and reaches the restored holders
        send(harness, 100, quoteLine("15:00:03", MNQ, null, null, "21001.00"));
        QuoteState merged = quote("21000.50", "21000.25", "21001.00", "15:00:03");
        assertThat(drain()).containsExactlyInAnyOrder(
                AccountInput.mark(1001, 100, at("15:00:03"), MNQ, merged),
                AccountInput.mark(2002, 100, at("15:00:03"), MNQ, merged));

        // and a position event after the restore carries the restored quote
        Event p = parse(positionLine("15:00:04", 4004, 4, MNQ, 1, 1, "21000.00"));
        harness.processElement(new ContractInput(MNQ, 101, p.ts(), p), ms(p.ts()));
        assertThat(drain()).containsExactly(AccountInput.position(4004, 101, at("15:00:04"), p, MNQ, merged));
    }

    @Test
    void afterEveryHolderClosedTheHoldersStateIsEmptyAndOnlyTheQuoteRemains() throws Exception {
        send(positionLine("15:00:00", 1001, 1, MNQ, 1, 1, "21000.00"));
        send(positionLine("15:00:00", 2002, 2, MNQ, 1, 2, "21000.00"));
        send(quoteLine("15:00:01", MNQ, "21001.00", null, null));
        assertThat(keysWithState(harness, "holders")).containsExactly(MNQ);

        send(positionLine("15:00:02", 1001, 1, MNQ, 1, 0, "0"));
        send(positionLine("15:00:03", 2002, 2, MNQ, 1, 0, "0"));

        assertThat(holders(harness, MNQ)).isEmpty();
        assertThat(keysWithState(harness, "holders")).as("contracts with a holders entry").isEmpty();
        assertThat(keysWithState(harness, "quote")).containsExactly(MNQ);
        assertThat(harness.numKeyedStateEntries()).as("keyed state entries: the MNQ quote only").isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
