package io.riskguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every payload kind of the hubs becomes exactly the job's input line (CONTRACT.md §1). */
class EnvelopesTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T14:31:06.007Z");

    @Test
    void aTradeIsStampedWithItsCreationTimeAndKeyedByAccount() throws Exception {
        String payload = """
                {"id":88001,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","creationTimestamp":"2026-03-02T14:31:05.250+00:00",\
                "price":21010.25,"profitAndLoss":-42.50,"fees":0.74,"side":1,"size":1,"voided":false,"orderId":77001}""";

        Envelopes.Accepted a = accepted(Envelopes.ofAccountEvent(HubEvent.TRADE, json(payload), RECEIVED));

        assertThat(a.key()).isEqualTo("1001");
        assertThat(a.line()).isEqualTo("{\"type\":\"trade\",\"ts\":\"2026-03-02T14:31:05.250Z\",\"accountId\":1001,"
                + "\"data\":" + payload + "}");
    }

    @Test
    void anOpeningTradeKeepsItsNullProfitAndLoss() throws Exception {
        String payload = """
                {"id":88002,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","creationTimestamp":"2026-03-02T14:31:05Z",\
                "price":21010.00,"profitAndLoss":null,"fees":0.37,"side":0,"size":2,"voided":false,"orderId":77002}""";

        Envelopes.Accepted a = accepted(Envelopes.ofAccountEvent(HubEvent.TRADE, json(payload), RECEIVED));

        assertThat(a.line()).isEqualTo("{\"type\":\"trade\",\"ts\":\"2026-03-02T14:31:05Z\",\"accountId\":1001,"
                + "\"data\":" + payload + "}");
    }

    @Test
    void anOrderIsStampedWithItsUpdateTime() throws Exception {
        String payload = """
                {"id":77003,"accountId":1001,"contractId":"CON.F.US.EP.H26","symbolId":"F.US.EP",\
                "creationTimestamp":"2026-03-02T14:30:00.000+00:00","updateTimestamp":"2026-03-02T14:31:00.125+00:00",\
                "status":1,"type":4,"side":1,"size":1,"limitPrice":null,"stopPrice":5990.25,"fillVolume":0,\
                "filledPrice":null,"customTag":null}""";

        Envelopes.Accepted a = accepted(Envelopes.ofAccountEvent(HubEvent.ORDER, json(payload), RECEIVED));

        assertThat(a.line()).isEqualTo("{\"type\":\"order\",\"ts\":\"2026-03-02T14:31:00.125Z\",\"accountId\":1001,"
                + "\"data\":" + payload + "}");
    }

    @Test
    void anOrderWithoutUpdateTimeFallsBackToItsCreationTime() throws Exception {
        ObjectNode payload = json("""
                {"id":77004,"accountId":1001,"contractId":"CON.F.US.EP.H26","creationTimestamp":"2026-03-02T14:30:00.5",\
                "status":6,"type":1,"side":0,"size":1,"limitPrice":5980.00}""");

        assertThat(accepted(Envelopes.ofAccountEvent(HubEvent.ORDER, payload, RECEIVED)).event().ts())
                .isEqualTo(Instant.parse("2026-03-02T14:30:00.500Z"));
    }

    @Test
    void aPositionIsStampedWithItsReceiptTimeBecauseItsCreationTimeIsWhenItOpened() throws Exception {
        String payload = """
                {"id":501,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","creationTimestamp":"2026-03-02T13:00:00+00:00",\
                "type":1,"size":3,"averagePrice":21005.50}""";

        Envelopes.Accepted a = accepted(Envelopes.ofAccountEvent(HubEvent.POSITION, json(payload), RECEIVED));

        assertThat(a.line()).isEqualTo("{\"type\":\"position\",\"ts\":\"2026-03-02T14:31:06.007Z\",\"accountId\":1001,"
                + "\"data\":" + payload + "}");
    }

    @Test
    void anAccountIsKeyedByItsIdAndStampedWithItsReceiptTime() throws Exception {
        String payload = """
                {"id":1001,"name":"TOPX-1001","balance":50012.25,"canTrade":false,"isVisible":true,"simulated":true}""";

        Envelopes.Accepted a = accepted(Envelopes.ofAccountEvent(HubEvent.ACCOUNT, json(payload), RECEIVED));

        assertThat(a.key()).isEqualTo("1001");
        assertThat(a.line()).isEqualTo("{\"type\":\"account\",\"ts\":\"2026-03-02T14:31:06.007Z\",\"accountId\":1001,"
                + "\"data\":" + payload + "}");
    }

    @Test
    void aQuoteIsKeyedByContractAndKeepsOnlyTheSidesItCarries() throws Exception {
        String payload = """
                {"symbol":"F.US.MNQ","symbolName":"/MNQ","lastPrice":0,"bestBid":21010.25,\
                "timestamp":"2026-03-02T14:31:05.9+00:00"}""";

        Envelopes.Accepted a = accepted(Envelopes.ofQuote("CON.F.US.MNQ.H26", json(payload), RECEIVED));

        assertThat(a.key()).isEqualTo("CON.F.US.MNQ.H26");
        assertThat(a.line()).isEqualTo("{\"type\":\"quote\",\"ts\":\"2026-03-02T14:31:05.900Z\","
                + "\"contractId\":\"CON.F.US.MNQ.H26\",\"data\":" + payload + "}");
    }

    @Test
    void aQuoteWithoutTimestampUsesLastUpdatedThenReceiptTime() throws Exception {
        ObjectNode withLastUpdated = json("{\"bestAsk\":21011.00,\"lastUpdated\":\"2026-03-02T14:31:04Z\"}");
        ObjectNode withNeither = json("{\"bestAsk\":21011.00}");

        assertThat(accepted(Envelopes.ofQuote("CON.F.US.MNQ.H26", withLastUpdated, RECEIVED)).event().ts())
                .isEqualTo(Instant.parse("2026-03-02T14:31:04Z"));
        assertThat(accepted(Envelopes.ofQuote("CON.F.US.MNQ.H26", withNeither, RECEIVED)).event().ts())
                .isEqualTo(RECEIVED);
    }

    @Test
    void numbersKeepTheDigitsTheBrokerSent() throws Exception {
        String payload = "{\"lastPrice\":21010.250,\"bestBid\":21010.00,\"volume\":123456789012}";

        assertThat(accepted(Envelopes.ofQuote("CON.F.US.MNQ.H26", json(payload), RECEIVED)).line())
                .contains("\"data\":" + payload);
    }

    @Test
    void aPayloadTheJobWouldRejectIsRejectedWithTheJobsReason() throws Exception {
        ObjectNode negativeBid = json("{\"bestBid\":-1}");
        ObjectNode positionWithoutPrice = json("""
                {"id":501,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","type":1,"size":3}""");

        assertThat(Envelopes.ofQuote("CON.F.US.MNQ.H26", negativeBid, RECEIVED))
                .isInstanceOfSatisfying(Envelopes.Rejected.class, r -> assertThat(r.reason()).contains("bestBid"));
        assertThat(Envelopes.ofAccountEvent(HubEvent.POSITION, positionWithoutPrice, RECEIVED))
                .isInstanceOfSatisfying(Envelopes.Rejected.class, r -> assertThat(r.reason()).contains("averagePrice"));
    }

    @Test
    void aPayloadWithoutAccountIdIsRejected() throws Exception {
        ObjectNode trade = json("{\"id\":88001,\"contractId\":\"CON.F.US.MNQ.H26\",\"price\":1,\"side\":0,\"size\":1}");

        assertThat(Envelopes.ofAccountEvent(HubEvent.TRADE, trade, RECEIVED))
                .isEqualTo(new Envelopes.Rejected(DeadLetterCause.BAD_PAYLOAD, "trade payload has no integer accountId"));
    }

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) HubRecords.JSON.readTree(text);
    }

    private static Envelopes.Accepted accepted(Envelopes.Result r) {
        assertThat(r).isInstanceOf(Envelopes.Accepted.class);
        return (Envelopes.Accepted) r;
    }
}
