package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketHubTest extends HubTestBase {

    private static final Instant AT = Instant.parse("2026-03-02T14:31:05.250Z");

    @Test
    void publishQuoteSendsGatewayQuoteWithTheContractIdAndTheDataWithoutNullFields() {
        HubClient client = marketHub();
        client.call("SubscribeContractQuotes", MNQ);

        sim.publishQuote(MNQ, new SimQuote(null, price("21012.00"), price("21010.25"), price("21010.50"), AT));

        assertThat(client.next().text()).isEqualTo("{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":["
                + "\"CON.F.US.MNQ.H26\",{\"symbol\":\"F.US.MNQ\",\"lastPrice\":21012.00,\"bestBid\":21010.25,"
                + "\"bestAsk\":21010.50,\"timestamp\":\"2026-03-02T14:31:05.250Z\"}]}");
    }

    @Test
    void aPartialQuoteCarriesOnlyItsFieldsAndIsMergedIntoTheLastQuote() {
        HubClient client = marketHub();
        client.call("SubscribeContractQuotes", ES);
        sim.publishQuote(ES, new SimQuote("F.US.EP", price("6000.00"), price("5999.75"), price("6000.25"), AT));

        sim.publishQuote(ES, new SimQuote("F.US.EP", null, price("6000.00"), null, AT.plusMillis(1)));

        client.next();
        assertThat(client.next().text()).isEqualTo("{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":["
                + "\"CON.F.US.EP.H26\",{\"symbol\":\"F.US.EP\",\"bestBid\":6000.00,"
                + "\"timestamp\":\"2026-03-02T14:31:05.251Z\"}]}");
        assertThat(sim.lastQuote(ES)).contains(
                new SimQuote("F.US.EP", price("6000.00"), price("6000.00"), price("6000.25"), AT.plusMillis(1)));
    }

    @Test
    void aQuoteWithoutTimestampIsStampedWithThePublicationTime() {
        HubClient client = marketHub();
        client.call("SubscribeContractQuotes", NQ);
        Instant before = Instant.now().minusMillis(1);

        sim.publishQuote(NQ, SimQuote.of(price("21000.00"), null, null));

        Instant stamped = Instant.parse(client.event("GatewayQuote").get(1).get("timestamp").asText());
        assertThat(stamped).isAfter(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void subscribingDoesNotReplayTheLastQuoteAndOnlySubscribedContractsArrive() {
        sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), null, null));
        HubClient client = marketHub();

        client.assertNoEventsBefore("SubscribeContractQuotes", MNQ);
        sim.publishQuote(ES, SimQuote.of(price("6000.00"), null, null));
        sim.publishQuote(MNQ, SimQuote.of(price("21001.00"), null, null));

        assertThat(client.event("GatewayQuote").get(0).asText()).isEqualTo(MNQ);
    }

    @Test
    void quoteSubscriptionsAreThoseOfTheOpenConnectionsAndUnsubscribingStopsTheQuotes() {
        HubClient first = marketHub();
        HubClient second = marketHub();
        first.call("SubscribeContractQuotes", MNQ);
        second.call("SubscribeContractQuotes", ES);
        assertThat(sim.quoteSubscriptions()).containsExactlyInAnyOrder(MNQ, ES);

        first.call("UnsubscribeContractQuotes", MNQ);
        sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), null, null));

        assertThat(sim.quoteSubscriptions()).containsExactly(ES);
        first.assertNoEventsBefore("UnsubscribeContractQuotes", ES);
        assertThat(sim.hubConnectionsOpen(MARKET_HUB)).isEqualTo(2);
    }
}
