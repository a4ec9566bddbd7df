package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.MNQ;
import static io.riskguard.job.operators.TestEvents.accountLine;
import static io.riskguard.job.operators.TestEvents.at;
import static io.riskguard.job.operators.TestEvents.clockLine;
import static io.riskguard.job.operators.TestEvents.orderLine;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.positionLine;
import static io.riskguard.job.operators.TestEvents.quoteLine;
import static io.riskguard.job.operators.TestEvents.tradeLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RouteEvents sends every source record to exactly one place (DESIGN.md "Data flow"): the account's
 * own events (account, order, trade) to AccountRisk, positions and quotes to MarkToMarket by contract,
 * rejected lines to the dead letters with their reason and raw line, the end-of-input marker to the
 * control broadcast, and clock events nowhere (they have already moved the watermark).
 */
class RouteEventsTest {

    private OneInputStreamOperatorTestHarness<SourceRecord, AccountInput> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new RouteEvents());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(SourceRecord r) throws Exception {
        harness.processElement(r, r.evalTs() == null ? 0 : TestEvents.ms(r.evalTs()));
    }

    private void sendAccepted(long seq, String line) throws Exception {
        Event e = parse(line);
        send(SourceRecord.accepted(seq, e.ts(), e));
    }

    private <X> List<X> side(OutputTag<X> tag) {
        Queue<StreamRecord<X>> records = harness.getSideOutput(tag);
        List<X> values = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> values.add(r.getValue()));
        }
        return values;
    }

    private void assertNoSideOutputs() {
        assertThat(side(RiskState.CONTRACT_INPUTS)).as("contract inputs").isEmpty();
        assertThat(side(RiskState.DEAD_LETTERS)).as("dead letters").isEmpty();
        assertThat(side(RiskState.CONTROL)).as("control").isEmpty();
    }

    @Test
    void anAccountEventGoesToTheMainOutputForItsAccount() throws Exception {
        Event e = parse(accountLine("15:00:00", 1001, false));
        send(SourceRecord.accepted(3, e.ts(), e));

        assertThat(harness.extractOutputValues()).containsExactly(AccountInput.event(1001, 3, at("15:00:00"), e));
        assertNoSideOutputs();
    }

    @Test
    void anOrderEventGoesToTheMainOutputForItsAccount() throws Exception {
        Event e = parse(orderLine("15:00:00", 2002, 611, MNQ, 1, 4, 1, "20990.00"));
        send(SourceRecord.accepted(4, e.ts(), e));

        assertThat(harness.extractOutputValues()).containsExactly(AccountInput.event(2002, 4, at("15:00:00"), e));
        assertNoSideOutputs();
    }

    @Test
    void aTradeEventGoesToTheMainOutputForItsAccount() throws Exception {
        Event e = parse(tradeLine("15:20:00", 1001, 9004, 504, "-84.50"));
        send(SourceRecord.accepted(5, e.ts(), e));

        List<AccountInput> out = harness.extractOutputValues();
        assertThat(out).containsExactly(AccountInput.event(1001, 5, at("15:20:00"), e));
        assertThat(out.get(0).isMark()).isFalse();
        assertThat(out.get(0).quote()).isNull();
        assertNoSideOutputs();
    }

    @Test
    void aLateEventKeepsItsEvaluationTimeAndReplayOrderOnTheWay() throws Exception {
        Event e = parse(tradeLine("15:10:00", 1001, 9003, 503, "-95.50"));
        send(SourceRecord.accepted(9, at("15:20:00"), e));

        AccountInput in = harness.extractOutputValues().get(0);
        assertThat(in.evalTs()).isEqualTo(at("15:20:00"));
        assertThat(in.seq()).isEqualTo(9);
        assertThat(in.event().ts()).isEqualTo(at("15:10:00"));
    }

    @Test
    void aPositionEventGoesStraightToItsAccountLikeEveryOtherAccountEvent() throws Exception {
        Event e = parse(positionLine("15:05:00", 2002, 1, MNQ, 1, 1, "21000.00"));
        send(SourceRecord.accepted(6, e.ts(), e));

        assertThat(harness.extractOutputValues()).containsExactly(AccountInput.event(2002, 6, at("15:05:00"), e));
        assertThat(side(RiskState.CONTRACT_INPUTS)).isEmpty();
        assertThat(side(RiskState.DEAD_LETTERS)).isEmpty();
        assertThat(side(RiskState.CONTROL)).isEmpty();
    }

    @Test
    void aQuoteGoesToTheContractInputsSideOutputKeyedByItsContract() throws Exception {
        Event e = parse(quoteLine("15:05:01", MNQ, "21001.00", null, null));
        send(SourceRecord.accepted(7, e.ts(), e));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(RiskState.CONTRACT_INPUTS)).containsExactly(new ContractInput(MNQ, 7, at("15:05:01"), e));
        assertThat(side(RiskState.DEAD_LETTERS)).isEmpty();
        assertThat(side(RiskState.CONTROL)).isEmpty();
    }

    @Test
    void aClockEventGoesNowhere() throws Exception {
        sendAccepted(8, clockLine("23:00:00"));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertNoSideOutputs();
    }

    @Test
    void aRejectedLineGoesToTheDeadLettersWithItsReasonAndRawLine() throws Exception {
        String raw = "{\"type\":\"trade\",\"ts\":\"2026-03-02T15:00:00Z\",\"accountId\":1001,\"bogus\":1}";
        RejectedInputException rejection;
        try {
            EventCodec.parse(raw);
            throw new AssertionError("expected a rejection");
        } catch (RejectedInputException r) {
            rejection = r;
        }
        send(SourceRecord.rejected(11, at("15:00:00"), rejection.cause(), rejection.reason(), raw));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(RiskState.DEAD_LETTERS)).containsExactly(new DeadLetterRecord(11,
                DeadLetter.rejected(InputCause.UNKNOWN_ENVELOPE_FIELD, "unknown envelope field \"bogus\"", raw)));
        assertThat(side(RiskState.CONTRACT_INPUTS)).isEmpty();
        assertThat(side(RiskState.CONTROL)).isEmpty();
    }

    @Test
    void aRejectedLineBeforeAnyEventTimeStillReachesTheDeadLetters() throws Exception {
        send(SourceRecord.rejected(0, null, InputCause.UNPARSEABLE_JSON, "unparseable JSON", "not json"));

        assertThat(side(RiskState.DEAD_LETTERS)).containsExactly(
                new DeadLetterRecord(0, DeadLetter.rejected(InputCause.UNPARSEABLE_JSON, "unparseable JSON", "not json")));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theEndMarkerGoesToTheControlOutputWithTheReplayHorizon() throws Exception {
        Instant horizon = at("23:00:00");
        send(SourceRecord.endOfInput(42, horizon));

        assertThat(side(RiskState.CONTROL)).containsExactly(ControlMessage.endOfReplay(horizon));
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(RiskState.CONTRACT_INPUTS)).isEmpty();
        assertThat(side(RiskState.DEAD_LETTERS)).isEmpty();
    }

    @Test
    void aFillerAfterTheEndOfACutShortReplayGoesNowhere() throws Exception {
        send(new SourceRecord(-1, null, null, null, null, null, false));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertNoSideOutputs();
    }

    @Test
    void aMixedStreamIsSplitWithoutLosingOrDuplicatingARecord() throws Exception {
        sendAccepted(0, accountLine("15:00:00", 1001, true));
        sendAccepted(1, positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"));
        sendAccepted(2, quoteLine("15:00:02", MNQ, "21000.25", null, null));
        sendAccepted(3, clockLine("15:00:03"));
        sendAccepted(4, orderLine("15:00:04", 1001, 77, MNQ, 1, 4, 1, "20990.00"));
        send(SourceRecord.rejected(5, at("15:00:04"), InputCause.UNPARSEABLE_JSON, "unparseable JSON", "{"));
        sendAccepted(6, tradeLine("15:00:05", 1001, 9001, 501, "null"));
        send(SourceRecord.endOfInput(7, at("15:00:05")));

        assertThat(harness.extractOutputValues()).extracting(AccountInput::seq).containsExactly(0L, 1L, 4L, 6L);
        assertThat(side(RiskState.CONTRACT_INPUTS)).extracting(ContractInput::seq).containsExactly(2L);
        assertThat(side(RiskState.DEAD_LETTERS)).extracting(DeadLetterRecord::seq).containsExactly(5L);
        assertThat(side(RiskState.CONTROL)).containsExactly(ControlMessage.endOfReplay(at("15:00:05")));
    }
}
