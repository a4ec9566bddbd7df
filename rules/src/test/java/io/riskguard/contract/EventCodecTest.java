package io.riskguard.contract;

import static io.riskguard.contract.EventLines.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant TS = Instant.parse(EventLines.TS);

    @Test
    void parsesTheContractExampleTradeToTheExpectedRecord() throws Exception {
        String line = "{\"type\":\"trade\",\"ts\":\"2026-03-02T14:31:05.250Z\",\"accountId\":1001,\"data\":{\"id\":88001,"
                + "\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"creationTimestamp\":\"2026-03-02T14:31:05.250Z\","
                + "\"price\":21010.25,\"profitAndLoss\":-42.50,\"fees\":0.74,\"side\":1,\"size\":1,\"voided\":false,"
                + "\"orderId\":77001}}";

        assertThat(EventCodec.parse(line)).isEqualTo(new TradeEvent(TS, 1001, 88001, "CON.F.US.MNQ.H26",
                new BigDecimal("21010.25"), new BigDecimal("-42.50"), new BigDecimal("0.74"), 1, 1, false, 77001,
                line));
    }

    @Test
    void parsesAnAccountEvent() throws Exception {
        String line = EventLines.account("canTrade", "false");

        assertThat(EventCodec.parse(line)).isEqualTo(new AccountEvent(TS, 1001, false, line));
    }

    @Test
    void parsesAnOrderEventWithItsNullableFields() throws Exception {
        String line = EventLines.order("limitPrice", "20990.50", "fillVolume", "1", "filledPrice", "20991.00");

        assertThat(EventCodec.parse(line)).isEqualTo(new OrderEvent(TS, 1001, 77001, "CON.F.US.MNQ.H26", 1, 4, 1, 1,
                new BigDecimal("20990.50"), new BigDecimal("20990.75"), 1L, new BigDecimal("20991.00"), "stop-1",
                line));
    }

    @Test
    void parsesAnOrderEventWhoseNullableFieldsAreNullOrAbsent() throws Exception {
        String line = EventLines.order("stopPrice", "null", "fillVolume", null, "customTag", "null",
                "symbolId", null, "creationTimestamp", "null", "updateTimestamp", null, "filledPrice", null);

        assertThat(EventCodec.parse(line)).isEqualTo(new OrderEvent(TS, 1001, 77001, "CON.F.US.MNQ.H26", 1, 4, 1, 1,
                null, null, null, null, null, line));
    }

    @Test
    void parsesAPositionEvent() throws Exception {
        String line = EventLines.position("type", "2");

        assertThat(EventCodec.parse(line)).isEqualTo(
                new PositionEvent(TS, 1001, 66001, "CON.F.US.MNQ.H26", 2, 2, new BigDecimal("21010.25"), line));
    }

    @Test
    void acceptsAPositionCloseWithType0AndAveragePrice0() throws Exception {
        String line = EventLines.position("type", "0", "size", "0", "averagePrice", "0");

        assertThat(EventCodec.parse(line)).isEqualTo(
                new PositionEvent(TS, 1001, 66001, "CON.F.US.MNQ.H26", 0, 0, BigDecimal.ZERO, line));
    }

    @Test
    void acceptsAPositionCloseThatKeepsItsDirectionAndAveragePrice() throws Exception {
        PositionEvent event = (PositionEvent) EventCodec.parse(EventLines.position("type", "2", "size", "0"));

        assertThat(event.positionType()).isEqualTo(2);
        assertThat(event.size()).isZero();
        assertThat(event.averagePrice()).isEqualTo(new BigDecimal("21010.25"));
    }

    @Test
    void parsesAQuoteEventKeepingItsThreePrices() throws Exception {
        String line = EventLines.quote();

        assertThat(EventCodec.parse(line)).isEqualTo(new QuoteEvent(TS, "CON.F.US.MNQ.H26",
                new BigDecimal("21011.00"), new BigDecimal("21010.75"), new BigDecimal("21011.25"), line));
    }

    @Test
    void acceptsAQuoteWhoseFieldsAreAllZeroAndKeepsTheZeros() throws Exception {
        String line = EventLines.quote("lastPrice", "0", "bestBid", "0", "bestAsk", "0", "change", "0",
                "changePercent", "0", "open", "0", "high", "0", "low", "0", "volume", "0");

        assertThat(EventCodec.parse(line)).isEqualTo(
                new QuoteEvent(TS, "CON.F.US.MNQ.H26", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, line));
    }

    @Test
    void acceptsAQuoteWithNoFieldsAtAll() throws Exception {
        String line = json("{'type':'quote','ts':'" + EventLines.TS + "','contractId':'CON.F.US.EP.H26','data':{}}");

        assertThat(EventCodec.parse(line)).isEqualTo(new QuoteEvent(TS, "CON.F.US.EP.H26", null, null, null, line));
    }

    @Test
    void acceptsAQuoteWithNullPricesAndANegativeChange() throws Exception {
        QuoteEvent quote = (QuoteEvent) EventCodec.parse(
                EventLines.quote("lastPrice", "null", "bestBid", null, "change", "-40.25", "changePercent", "-0.19"));

        assertThat(quote.lastPrice()).isNull();
        assertThat(quote.bestBid()).isNull();
        assertThat(quote.bestAsk()).isEqualTo(new BigDecimal("21011.25"));
    }

    @Test
    void parsesAClockEvent() throws Exception {
        String line = EventLines.clock();

        assertThat(EventCodec.parse(line)).isEqualTo(new ClockEvent(TS, line));
    }

    @Test
    void ignoresAnAccountIdOnAQuoteOrAClock() throws Exception {
        String quote = json("{'type':'quote','ts':'" + EventLines.TS + "','accountId':'n/a',"
                + "'contractId':'CON.F.US.MNQ.H26','data':{}}");
        String clock = json("{'accountId':1001,'type':'clock','ts':'" + EventLines.TS + "','data':null}");

        assertThat(EventCodec.parse(quote)).isInstanceOf(QuoteEvent.class);
        assertThat(EventCodec.parse(clock)).isEqualTo(new ClockEvent(TS, clock));
    }

    @Test
    void ignoresAnEnvelopeContractIdOnEventsOtherThanQuotes() throws Exception {
        String line = EventLines.trade().replace("\"accountId\":1001,\"data\"",
                "\"accountId\":1001,\"contractId\":\"whatever\",\"data\"");

        assertThat(((TradeEvent) EventCodec.parse(line)).contractId()).isEqualTo("CON.F.US.MNQ.H26");
    }

    @Test
    void ignoresExtraPayloadFieldsOfAnyShape() throws Exception {
        String line = EventLines.trade("brokerExtra", "{'nested':[1,2.5,'x',null,{'deep':true}]}",
                "symbolId", "'F.US.MNQ'", "commission", "'free'");

        assertThat(((TradeEvent) EventCodec.parse(line)).tradeId()).isEqualTo(88001);
    }

    @Test
    void doesNotTypeCheckInformationalAccountFields() throws Exception {
        String line = EventLines.account("name", "7", "balance", "'lots'", "isVisible", "'yes'");

        assertThat(EventCodec.parse(line)).isEqualTo(new AccountEvent(TS, 1001, true, line));
    }

    @Test
    void defaultsMissingTradeFeesToZeroVoidedToFalseAndProfitAndLossToNull() throws Exception {
        TradeEvent absent = (TradeEvent) EventCodec.parse(
                EventLines.trade("fees", null, "voided", null, "profitAndLoss", null));
        TradeEvent nulls = (TradeEvent) EventCodec.parse(
                EventLines.trade("fees", "null", "voided", "null", "profitAndLoss", "null"));

        for (TradeEvent trade : List.of(absent, nulls)) {
            assertThat(trade.fees()).isEqualTo(BigDecimal.ZERO);
            assertThat(trade.voided()).isFalse();
            assertThat(trade.profitAndLoss()).isNull();
        }
    }

    @Test
    void readsAVoidedTrade() throws Exception {
        assertThat(((TradeEvent) EventCodec.parse(EventLines.trade("voided", "true"))).voided()).isTrue();
    }

    @Test
    void keepsDecimalsExactlyAsWrittenIncludingTheirScale() throws Exception {
        TradeEvent trade = (TradeEvent) EventCodec.parse(EventLines.trade(
                "price", "21010.250", "profitAndLoss", "0.1", "fees", "0.2"));

        assertThat(trade.price().toString()).isEqualTo("21010.250");
        assertThat(trade.profitAndLoss().add(trade.fees())).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void keepsDigitsBeyondDoublePrecision() throws Exception {
        TradeEvent trade = (TradeEvent) EventCodec.parse(EventLines.trade(
                "price", "21010.2500000000000000001", "profitAndLoss", "-12345678901234567.89"));

        assertThat(trade.price()).isEqualTo(new BigDecimal("21010.2500000000000000001"));
        assertThat(trade.profitAndLoss()).isEqualTo(new BigDecimal("-12345678901234567.89"));
    }

    @Test
    void readsIntegerPricesAndExponentNotationAsExactDecimals() throws Exception {
        TradeEvent trade = (TradeEvent) EventCodec.parse(EventLines.trade("price", "6000", "fees", "7.4E-1"));

        assertThat(trade.price()).isEqualTo(new BigDecimal("6000"));
        assertThat(trade.fees()).isEqualTo(new BigDecimal("0.74"));
    }

    @Test
    void keepsTheRawLineExactlyAsGiven() throws Exception {
        String line = "  { \"type\" : \"account\", \"ts\":\"2026-03-02T14:31:05.250Z\", \"accountId\": 1001,"
                + " \"data\": {\"id\":1001, \"name\":\"Zoë ✓\", \"canTrade\":true} }\t";

        assertThat(EventCodec.parse(line).raw()).isSameAs(line);
    }

    @Test
    void acceptsTimestampsWithSecondMilliAndNanoPrecision() throws Exception {
        String seconds = json("{'type':'clock','ts':'2026-03-02T14:31:05Z'}");
        String nanos = json("{'type':'clock','ts':'2026-03-02T14:31:05.123456789Z'}");

        assertThat(EventCodec.parse(seconds).ts()).isEqualTo(Instant.parse("2026-03-02T14:31:05Z"));
        assertThat(EventCodec.parse(nanos).ts()).isEqualTo(Instant.parse("2026-03-02T14:31:05.123456789Z"));
    }

    @Test
    void acceptsAPositionEventAtTheLargestLongIds() throws Exception {
        String line = EventLines.position("id", String.valueOf(Long.MAX_VALUE));

        assertThat(((PositionEvent) EventCodec.parse(line)).positionId()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void isSafeToCallFromManyThreadsAtOnce() {
        List<String> lines = IntStream.range(0, 20_000)
                .mapToObj(i -> EventLines.trade("id", String.valueOf(i), "price", i + 1 + ".25"))
                .toList();

        List<Long> ids = lines.parallelStream().map(line -> {
            try {
                return ((TradeEvent) EventCodec.parse(line)).tradeId();
            } catch (RejectedInputException e) {
                throw new AssertionError(e.reason());
            }
        }).toList();

        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 20_000).mapToObj(i -> (long) i).toList());
    }
}
