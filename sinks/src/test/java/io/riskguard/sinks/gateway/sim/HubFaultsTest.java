package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubFaultsTest extends HubTestBase {

    @Override
    GatewaySimulator.Options options() {
        return super.options().withHubPingInterval(Duration.ofMillis(100));
    }

    @Test
    void dropHubConnectionsClosesEverySocketWithoutACloseMessageAndReturnsHowMany() {
        HubClient user = userHub();
        HubClient market = marketHub();
        user.call("SubscribeOrders", ACC);
        market.call("SubscribeContractQuotes", MNQ);

        assertThat(sim.dropHubConnections()).isEqualTo(2);

        user.awaitDropped();
        market.awaitDropped();
        assertThat(sim.hubConnectionsOpen(USER_HUB)).isZero();
        assertThat(sim.hubConnectionsOpen(MARKET_HUB)).isZero();
        assertThat(sim.accountSubscriptions()).isEmpty();
        assertThat(sim.quoteSubscriptions()).isEmpty();
        assertThat(user.isClosed()).isTrue();
    }

    @Test
    void afterADropNewConnectionsWorkButMustSubscribeAgain() {
        userHub().call("SubscribeOrders", ACC);
        sim.dropHubConnections();

        HubClient again = userHub();
        sim.execute(ACC, MNQ, 0, 1, price("21000.00"), null);
        again.assertNoEventsBefore("SubscribeOrders", ACC);
        SimTrade trade = sim.execute(ACC, MNQ, 0, 1, price("21000.25"), null);

        assertThat(again.event("GatewayUserOrder").get(0).get("id").asLong()).isEqualTo(trade.orderId());
        assertThat(sim.hubConnectionsOpened(USER_HUB)).isEqualTo(2);
        assertThat(sim.hubConnectionsOpen(USER_HUB)).isEqualTo(1);
    }

    @Test
    void silencedQuotesStopOnTheConnectionsOpenThenWhichStayConnectedAndPinged() {
        HubClient old = marketHub();
        old.call("SubscribeContractQuotes", MNQ);
        old.call("SubscribeContractQuotes", ES);

        sim.silenceQuotes(MNQ);
        HubClient reconnected = marketHub();
        reconnected.call("SubscribeContractQuotes", MNQ);
        sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), null, null));
        sim.publishQuote(ES, SimQuote.of(price("6000.00"), null, null));

        assertThat(old.event("GatewayQuote").get(0).asText()).isEqualTo(ES);
        assertThat(reconnected.event("GatewayQuote").get(0).asText()).isEqualTo(MNQ);
        old.take(r -> r.type() == 6);
        old.call("SubscribeContractQuotes", NQ);
        assertThat(old.isClosed()).isFalse();
        assertThat(sim.quoteSubscriptions()).containsExactlyInAnyOrder(MNQ, ES, NQ);
    }

    @Test
    void resetForgetsTheSilencedContracts() {
        HubClient old = marketHub();
        old.call("SubscribeContractQuotes", MNQ);
        sim.silenceQuotes(MNQ);

        sim.reset();
        sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), null, null));

        assertThat(old.event("GatewayQuote").get(0).asText()).isEqualTo(MNQ);
    }

    @Test
    void sendRawSendsTheRecordAsIsToEveryOpenConnectionOfThatHubOnly() {
        HubClient user1 = userHub();
        HubClient user2 = userHub();
        HubClient market = marketHub();
        String bad = "{\"type\":1,\"target\":\"GatewayUserTrade\",\"arguments\":[{\"id\":\"x\"}]}";

        sim.sendRaw(USER_HUB, bad);
        sim.sendRaw(USER_HUB, "not json");

        assertThat(user1.next().text()).isEqualTo(bad);
        assertThat(user1.next().text()).isEqualTo("not json");
        assertThat(user2.next().text()).isEqualTo(bad);
        market.assertNoEventsBefore("UnsubscribeContractQuotes", MNQ);
    }
}
