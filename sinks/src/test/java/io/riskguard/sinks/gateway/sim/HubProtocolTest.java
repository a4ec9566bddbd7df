package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubProtocolTest extends HubTestBase {

    @Test
    void theHandshakeIsAnsweredWithAnEmptyObjectAndCountsAsAnOpenedConnection() {
        HubClient client = track(HubClient.open(sim, USER_HUB, token));
        assertThat(sim.hubConnectionsOpened(USER_HUB)).isZero();

        client.sendRecord("{\"protocol\":\"json\",\"version\":1}");

        assertThat(client.next().text()).isEqualTo("{}");
        // the server answers the handshake first, then counts the connection (no event may precede the answer)
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.hubConnectionsOpened(USER_HUB) == 1);
        assertThat(sim.hubConnectionsOpen(USER_HUB)).isEqualTo(1);
        assertThat(sim.hubConnectionsOpened(MARKET_HUB)).isZero();
    }

    @Test
    void aHandshakeForAnotherProtocolIsAnsweredWithAnErrorAndTheConnectionClosed() {
        HubClient client = track(HubClient.open(sim, MARKET_HUB, token));

        client.sendRecord("{\"protocol\":\"messagepack\",\"version\":1}");

        assertThat(client.next().json().get("error").asText()).contains("messagepack");
        client.awaitClosed();
        assertThat(sim.hubConnectionsOpened(MARKET_HUB)).isZero();
    }

    @Test
    void theUpgradeIsRefusedWith401WithoutATokenOrWithABadOrExpiredOne() {
        assertThat(HubClient.refusedUpgradeStatus(sim, USER_HUB, null)).isEqualTo(401);
        assertThat(HubClient.refusedUpgradeStatus(sim, MARKET_HUB, "not-a-token")).isEqualTo(401);

        sim.expireAllTokens();

        assertThat(HubClient.refusedUpgradeStatus(sim, USER_HUB, token)).isEqualTo(401);
    }

    @Test
    void theUpgradeOfAnUnknownHubPathIsRefusedWith404() {
        assertThat(HubClient.refusedUpgradeStatus(sim, "/hubs/orders", token)).isEqualTo(404);
    }

    @Test
    void anInvocationWithAnInvocationIdIsAnsweredWithANullResultCompletion() {
        HubClient client = userHub();

        JsonNode completion = client.invoke("SubscribeOrders", ACC);

        assertThat(completion.toString()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":null}");
        assertThat(sim.accountSubscriptions()).containsExactly(ACC);
    }

    @Test
    void anUnknownMethodOrBadArgumentsAreAnsweredWithAnErrorCompletion() {
        HubClient client = userHub();

        assertThat(client.invoke("SubscribeEverything").get("error").asText())
                .isEqualTo("Unknown hub method 'SubscribeEverything'");
        assertThat(client.invoke("SubscribeOrders").get("error").asText()).contains("expects 1");
        assertThat(client.invoke("SubscribeOrders", "1001x").get("error").asText()).contains("integer");
        assertThat(client.invoke("SubscribeOrders", ACC).has("error")).isFalse();
    }

    @Test
    void anInvocationWithoutInvocationIdIsAppliedWithoutAnAnswer() {
        HubClient client = userHub();

        client.send("SubscribeTrades", ACC);
        JsonNode completion = client.invoke("SubscribeAccounts");

        assertThat(completion.get("invocationId").asText()).isEqualTo("1");
        assertThat(sim.accountSubscriptions()).containsExactly(ACC);
    }

    @Test
    void severalRecordsInOneFrameAndARecordSplitAcrossFramesAreAllHandled() {
        HubClient client = track(HubClient.open(sim, USER_HUB, token));

        client.sendText("{\"protocol\":\"json\",\"version\":1}\u001e"
                + "{\"type\":1,\"target\":\"SubscribeOrders\",\"arguments\":[1001],\"invocationId\":\"a\"}\u001e"
                + "{\"type\":1,\"target\":\"Subscribe");
        client.sendText("Positions\",\"arguments\":[1002],\"invocationId\":\"b\"}\u001e");

        assertThat(client.next().text()).isEqualTo("{}");
        assertThat(client.next().json().get("invocationId").asText()).isEqualTo("a");
        assertThat(client.next().json().get("invocationId").asText()).isEqualTo("b");
        assertThat(sim.accountSubscriptions()).containsExactlyInAnyOrder(ACC, OTHER_ACC);
    }

    @Test
    void clientPingsAreIgnoredAndAClientCloseMessageClosesTheSocket() {
        HubClient client = userHub();

        client.sendRecord("{\"type\":6}");
        assertThat(client.invoke("SubscribeAccounts").has("error")).isFalse();
        client.sendRecord("{\"type\":7}");

        client.awaitClosed();
        await().atMost(HubClient.TIMEOUT).until(() -> sim.hubConnectionsOpen(USER_HUB) == 0);
    }

    @Test
    void aRecordThatIsNotAMessageClosesTheConnectionWithAnErrorCloseMessage() {
        HubClient client = userHub();

        client.sendRecord("not json");

        HubClient.Received close = client.next();
        assertThat(close.type()).isEqualTo(7);
        assertThat(close.json().get("error").asText()).startsWith("Invalid message");
        client.awaitClosed();
    }

    /** The interval itself is configuration (see the default below); tests assert no wall-clock timing. */
    @Test
    void theServerPingsEveryConnectionAgainAndAgain() {
        try (GatewaySimulator pinging = GatewaySimulator.start(options().withHubPingInterval(Duration.ofMillis(50)))) {
            String pingToken = new SimClient(pinging).login(USER, KEY);
            try (HubClient user = HubClient.connect(pinging, USER_HUB, pingToken);
                    HubClient market = HubClient.connect(pinging, MARKET_HUB, pingToken)) {
                for (int i = 0; i < 4; i++) {
                    assertThat(user.take(r -> r.type() == 6).text()).isEqualTo("{\"type\":6}");
                }
                assertThat(market.take(r -> r.type() == 6).text()).isEqualTo("{\"type\":6}");
            }
        }
    }

    @Test
    void aHubPortInUseFailsTheStartAndLeavesNothingRunning() {
        int taken = sim.hubUri().getPort();

        assertThatThrownBy(() -> GatewaySimulator.start(options().withHubPort(taken)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("hub port");
        assertThat(userHub().invoke("SubscribeAccounts").has("error")).isFalse();
    }

    @Test
    void theDefaultPingIntervalIsFifteenSeconds() {
        assertThat(GatewaySimulator.Options.defaults().hubPingInterval()).isEqualTo(Duration.ofSeconds(15));
    }
}
