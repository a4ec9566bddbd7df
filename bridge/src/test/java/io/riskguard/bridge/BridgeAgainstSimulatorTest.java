package io.riskguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.bridge.hub.ResilientHub;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.sinks.gateway.GatewayApi;
import io.riskguard.sinks.gateway.GatewayCredentials;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.gateway.sim.SimQuote;
import io.riskguard.sinks.gateway.sim.SimTrade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge against the simulator's hubs over real WebSockets: what reaches the topics, through drops and silence. */
class BridgeAgainstSimulatorTest {

    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final String ES = "CON.F.US.EP.H26";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final GatewaySimulator sim = GatewaySimulator.start(GatewaySimulator.Options.defaults()
            .withUser("bridge-test", "test-only-not-a-secret").withHubPingInterval(Duration.ofMillis(500)));
    private final CollectingOutput out = new CollectingOutput();
    private final BridgeMetrics metrics = new BridgeMetrics();
    private Bridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        sim.close();
    }

    @Test
    void everyEventOfTheFollowedAccountsAndTheQuotesOfWhatTheyHoldReachTheTopics() throws Exception {
        sim.putAccount(1001, "A", true);
        sim.putAccount(1002, "B", true);
        start(settings());

        SimTrade opening = sim.execute(1001, MNQ, SimTrade.BUY, 2, new BigDecimal("21000.25"), null);
        await().atMost(PATIENCE).until(() -> bridge.quotedContracts().contains(MNQ)
                && sim.quoteSubscriptions().contains(MNQ));
        sim.publishQuote(MNQ, SimQuote.of(null, new BigDecimal("21001.00"), null));

        await().atMost(PATIENCE).until(() -> out.quotes().size() == 1);
        List<Event> events = parsed(out.eventLines());
        assertThat(events).filteredOn(e -> e.type() == io.riskguard.contract.EventType.ACCOUNT)
                .extracting(e -> ((io.riskguard.contract.AccountEvent) e).accountId()).containsExactly(1001L, 1002L);
        assertThat(events).filteredOn(TradeEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((TradeEvent) e).tradeId()).isEqualTo(opening.id()));
        assertThat(events).filteredOn(PositionEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PositionEvent) e).size()).isEqualTo(2));
        assertThat(out.events()).allSatisfy(k -> assertThat(k.key())
                .isEqualTo(HubRecords.JSON.readTree(k.line()).get("accountId").asText()));
        assertThat(out.quotes()).singleElement().satisfies(q -> {
            assertThat(q.key()).isEqualTo(MNQ);
            assertThat(data(q.line()).toString()).isEqualTo("{\"symbol\":\"F.US.MNQ\",\"bestBid\":21001.00,"
                    + "\"timestamp\":" + data(q.line()).get("timestamp") + "}");
        });
        assertThat(out.deadLetters()).isEmpty();
        assertThat(bridge.metricsText()).contains("riskguard_bridge_hub_connected{hub=\"user\"} 1\n",
                "riskguard_bridge_produced_total{type=\"quote\"} 1\n",
                "riskguard_bridge_connections_total{hub=\"market\"} 1\n");
    }

    @Test
    void aPositionClosedWhileTheHubWasDownIsSentClosedAfterTheReconnectWithTheTradeThatClosedIt() throws Exception {
        sim.putAccount(1001, "A", true);
        start(settings());
        sim.execute(1001, MNQ, SimTrade.BUY, 1, new BigDecimal("21000.00"), null);
        await().atMost(PATIENCE).until(() -> positions(1001).size() == 1);

        assertThat(sim.dropHubConnections()).isEqualTo(2);
        SimTrade closing = sim.execute(1001, MNQ, SimTrade.SELL, 1, new BigDecimal("20990.00"), new BigDecimal("-5.00"));

        await().atMost(PATIENCE).until(() -> positions(1001).size() == 2);
        assertThat(bridge.connections(Bridge.USER_HUB)).isEqualTo(2);
        assertThat(positions(1001)).extracting(PositionEvent::size).containsExactly(1L, 0L);
        assertThat(parsed(out.eventLines())).filteredOn(TradeEvent.class::isInstance)
                .extracting(e -> ((TradeEvent) e).tradeId()).containsExactly(closing.id() - 1, closing.id());
        await().atMost(PATIENCE).until(() -> sim.accountSubscriptions().contains(1001L));

        sim.execute(1001, MNQ, SimTrade.BUY, 3, new BigDecimal("20980.00"), null);
        await().atMost(PATIENCE).until(() -> positions(1001).size() == 3);
        assertThat(positions(1001).get(2).size()).as("events flow again on the new connection").isEqualTo(3);
        assertThat(metrics.get(BridgeMetrics.Counter.RESYNC_SENT, "trade")).isEqualTo(1);
    }

    @Test
    void aContractSilentWhileTheConnectionStaysUpRenewsTheMarketConnection() throws Exception {
        start(settings().withContracts(List.of(ES)).withQuoteSilenceLimit(Duration.ofMillis(800)));
        await().atMost(PATIENCE).until(() -> sim.quoteSubscriptions().contains(ES));

        sim.silenceQuotes(ES);
        await().atMost(PATIENCE).until(() -> {
            sim.publishQuote(ES, SimQuote.of(new BigDecimal("6000.25"), null, null));
            return !out.quotes().isEmpty();
        });

        assertThat(bridge.connections(Bridge.MARKET_HUB)).isGreaterThanOrEqualTo(2);
        assertThat(metrics.get(BridgeMetrics.Counter.SILENCE_RECONNECTS)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badPayloadsGoToTheDeadLettersWithAReasonAndTheBridgeCarriesOn() throws Exception {
        sim.putAccount(1001, "A", true);
        start(settings().withContracts(List.of(MNQ)));
        await().atMost(PATIENCE).until(() -> sim.accountSubscriptions().contains(1001L)
                && sim.quoteSubscriptions().contains(MNQ));

        sim.sendRaw("/hubs/user", "{\"type\":1,\"target\":\"GatewayUserTrade\",\"arguments\":[42]}");
        sim.sendRaw("/hubs/user", "{\"type\":1,\"target\":\"GatewayUserPosition\",\"arguments\":[{\"id\":1,"
                + "\"accountId\":1001,\"contractId\":\"" + MNQ + "\",\"type\":1,\"size\":2}]}");
        sim.sendRaw("/hubs/user", "not json");
        sim.sendRaw("/hubs/market", "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"" + MNQ
                + "\",{\"bestBid\":-3}]}");
        sim.sendRaw("/hubs/market", "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[{\"bestBid\":3}]}");
        sim.execute(1001, MNQ, SimTrade.BUY, 1, new BigDecimal("21000.00"), null);

        await().atMost(PATIENCE).until(() -> positions(1001).size() == 1 && out.deadLetters().size() == 5);
        assertThat(out.deadLetters()).map(l -> DeadLetterJson.fromJson(l).reason()).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).isEqualTo("GatewayUserTrade: payload must be a JSON object, was NUMBER"),
                r -> assertThat(r).contains("averagePrice"),
                r -> assertThat(r).startsWith("not a JSON object"),
                r -> assertThat(r).contains("bestBid"),
                r -> assertThat(r).isEqualTo("GatewayQuote must carry (contractId, data), had 1 arguments"));
        assertThat(out.deadLetters()).map(l -> DeadLetterJson.fromJson(l).raw()).contains("not json");
        assertThat(metrics.get(BridgeMetrics.Counter.DEAD_LETTERS)).isEqualTo(5);
        assertThat(bridge.connections(Bridge.USER_HUB)).as("no reconnect for bad input").isEqualTo(1);
    }

    @Test
    void theThreePayloadShapesOfTheHubGiveTheSameEvents() throws Exception {
        sim.putAccount(1001, "A", true);
        start(settings().withAccounts(Set.of(1001L)));
        await().atMost(PATIENCE).until(() -> sim.accountSubscriptions().contains(1001L));
        int before = out.events().size();

        for (GatewaySimulator.Shape shape : GatewaySimulator.Shape.values()) {
            sim.hubPayloadShape(shape);
            sim.execute(1001, MNQ, SimTrade.BUY, 1, new BigDecimal("21000.00"), null);
        }

        await().atMost(PATIENCE).until(() -> out.events().size() == before + 3 * GatewaySimulator.Shape.values().length);
        assertThat(parsed(out.eventLines()).subList(before, out.events().size()))
                .extracting(e -> e.type().wireName())
                .containsExactly("order", "trade", "position", "order", "trade", "position", "order", "trade", "position");
        assertThat(positions(1001)).extracting(PositionEvent::size).containsExactly(1L, 2L, 3L);
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void aTokenTheHubRefusesIsRenewedAndTheBridgeReconnects() throws Exception {
        start(settings());

        sim.expireAllTokens();
        sim.dropHubConnections();

        await().atMost(PATIENCE).until(() -> bridge.connections(Bridge.USER_HUB) == 2
                && bridge.connections(Bridge.MARKET_HUB) == 2);
    }

    private void start(BridgeSettings settings) throws Exception {
        GatewayApi api = GatewayApi.connect(sim.baseUri(), new GatewayCredentials("bridge-test",
                "test-only-not-a-secret"), 1000, Duration.ofSeconds(5));
        bridge = new Bridge(settings, api, out, metrics);
        bridge.start();
        await().atMost(PATIENCE).until(() -> metrics.get(BridgeMetrics.Counter.RESYNCS) == 1 && bridge.connections(Bridge.MARKET_HUB) == 1);
    }

    private BridgeSettings settings() {
        return BridgeSettings.defaults(sim.baseUri(), sim.hubUri())
                .withHub(ResilientHub.Settings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                        .withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(3)));
    }

    private List<PositionEvent> positions(long accountId) throws Exception {
        return parsed(out.eventLines()).stream().filter(PositionEvent.class::isInstance).map(PositionEvent.class::cast)
                .filter(p -> p.accountId() == accountId).toList();
    }

    private static List<Event> parsed(List<String> lines) throws Exception {
        List<Event> events = new java.util.ArrayList<>();
        for (String l : lines) {
            events.add(EventCodec.parse(l));
        }
        return events;
    }

    private static JsonNode data(String line) throws Exception {
        return HubRecords.JSON.readTree(line).get("data");
    }
}
