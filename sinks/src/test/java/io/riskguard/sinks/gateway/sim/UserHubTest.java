package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserHubTest extends HubTestBase {

    private static final int BUY = 0;
    private static final int SELL = 1;

    /** A user hub connection subscribed to the orders, positions and trades of the account. */
    private HubClient subscribedTo(long accountId) {
        HubClient client = userHub();
        client.call("SubscribeOrders", accountId);
        client.call("SubscribePositions", accountId);
        client.call("SubscribeTrades", accountId);
        return client;
    }

    /** The text of the invocation record of a user event with a bare payload. */
    private static String event(String target, String payload) {
        return "{\"type\":1,\"target\":\"" + target + "\",\"arguments\":[" + payload + "]}";
    }

    @Test
    void executePublishesTheFilledOrderThenTheTradeThenThePositionWithTheGatewayPayloads() {
        HubClient client = subscribedTo(ACC);

        SimTrade trade = sim.execute(ACC, MNQ, BUY, 2, price("21000.25"), null);

        SimOrder order = sim.order(ACC, trade.orderId()).orElseThrow();
        SimPosition position = sim.positions(ACC).get(0);
        String at = trade.creationTimestamp().toString();
        assertThat(client.next().text()).isEqualTo(event("GatewayUserOrder", "{\"id\":" + order.id()
                + ",\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"creationTimestamp\":\"" + at
                + "\",\"updateTimestamp\":\"" + at + "\",\"status\":2,\"type\":2,\"side\":0,\"size\":2,"
                + "\"limitPrice\":null,\"stopPrice\":null,\"fillVolume\":2,\"filledPrice\":21000.25,\"customTag\":null}"));
        assertThat(client.next().text()).isEqualTo(event("GatewayUserTrade", "{\"id\":" + trade.id()
                + ",\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"creationTimestamp\":\"" + at
                + "\",\"price\":21000.25,\"profitAndLoss\":null,\"fees\":0,\"side\":0,\"size\":2,\"voided\":false,"
                + "\"orderId\":" + order.id() + "}"));
        assertThat(client.next().text()).isEqualTo(event("GatewayUserPosition", "{\"id\":" + position.id()
                + ",\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"creationTimestamp\":\""
                + position.creationTimestamp() + "\",\"type\":1,\"size\":2,\"averagePrice\":21000.25}"));
        assertThat(trade.fees()).isZero();
        assertThat(trade.voided()).isFalse();
        assertThat(sim.trades(ACC)).containsExactly(trade);
    }

    @Test
    void aConnectionGetsOnlyTheKindsAndAccountsItSubscribedTo() {
        HubClient client = userHub();
        client.call("SubscribeTrades", OTHER_ACC);

        sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);
        SimTrade other = sim.execute(OTHER_ACC, ES, SELL, 1, price("6000.00"), null);

        assertThat(client.event("GatewayUserTrade").get(0).get("id").asLong()).isEqualTo(other.id());
        client.assertNoEventsBefore("SubscribeAccounts");
    }

    @Test
    void setCanTradePublishesTheAccountToAccountSubscribers() {
        HubClient client = userHub();
        client.call("SubscribeAccounts");

        sim.setCanTrade(ACC, false);

        assertThat(client.next().text()).isEqualTo(event("GatewayUserAccount", "{\"id\":1001,\"name\":\"SIM-1001\","
                + "\"balance\":50000.00,\"canTrade\":false,\"isVisible\":true,\"simulated\":true}"));
        assertThat(sim.accounts()).singleElement().extracting(SimAccount::canTrade).isEqualTo(false);
    }

    @Test
    void restPlaceCancelAndModifyPublishTheOrderAsItBecomes() {
        HubClient client = subscribedTo(ACC);
        String stop = json("accountId", ACC, "contractId", MNQ, "type", 4, "side", SELL, "size", 1,
                "stopPrice", price("20990.00"));

        long first = call("/api/Order/place", stop).get("orderId").asLong();
        assertSuccess(call("/api/Order/cancel", json("accountId", ACC, "orderId", first)));
        long second = call("/api/Order/place", stop).get("orderId").asLong();
        assertSuccess(call("/api/Order/modify", json("accountId", ACC, "orderId", second,
                "stopPrice", price("20995.50"))));

        JsonNode placed = client.event("GatewayUserOrder").get(0);
        assertThat(placed.get("id").asLong()).isEqualTo(first);
        assertThat(placed.get("status").asInt()).isEqualTo(1);
        JsonNode cancelled = client.event("GatewayUserOrder").get(0);
        assertThat(cancelled.get("id").asLong()).isEqualTo(first);
        assertThat(cancelled.get("status").asInt()).isEqualTo(3);
        assertThat(client.event("GatewayUserOrder").get(0).get("id").asLong()).isEqualTo(second);
        JsonNode modified = client.event("GatewayUserOrder").get(0);
        assertThat(modified.get("id").asLong()).isEqualTo(second);
        assertThat(modified.get("stopPrice").decimalValue()).isEqualByComparingTo("20995.50");
        client.assertNoEventsBefore("SubscribeAccounts");
    }

    @Test
    void restCloseOfALongPublishesAMarketSellFilledAtTheBidItsTradeWithThePnlAndThePositionAtSizeZero() {
        SimPosition position = sim.putPosition(ACC, MNQ, SimPosition.LONG, 2, price("21000.00"));
        sim.publishQuote(MNQ, SimQuote.of(price("21012.00"), price("21010.25"), price("21010.50")));
        HubClient client = subscribedTo(ACC);

        assertSuccess(call("/api/Position/closeContract", json("accountId", ACC, "contractId", MNQ)));

        JsonNode order = client.event("GatewayUserOrder").get(0);
        JsonNode trade = client.event("GatewayUserTrade").get(0);
        JsonNode closed = client.event("GatewayUserPosition").get(0);
        assertThat(order.get("status").asInt()).isEqualTo(2);
        assertThat(order.get("type").asInt()).isEqualTo(2);
        assertThat(order.get("side").asInt()).isEqualTo(SELL);
        assertThat(order.get("size").asLong()).isEqualTo(2);
        assertThat(order.get("fillVolume").asInt()).isEqualTo(2);
        assertThat(order.get("filledPrice").decimalValue()).isEqualByComparingTo("21010.25");
        assertThat(trade.get("orderId").asLong()).isEqualTo(order.get("id").asLong());
        assertThat(trade.get("price").decimalValue()).isEqualByComparingTo("21010.25");
        assertThat(trade.get("profitAndLoss").decimalValue()).isEqualByComparingTo("41.00"); // 41 ticks × 0.50 × 2
        assertThat(trade.get("fees").decimalValue()).isZero();
        assertThat(trade.get("side").asInt()).isEqualTo(SELL);
        assertThat(trade.get("size").asLong()).isEqualTo(2);
        assertThat(closed.get("id").asLong()).isEqualTo(position.id());
        assertThat(closed.get("size").asLong()).isZero();
        assertThat(sim.positions(ACC)).isEmpty();
        assertThat(sim.trades(ACC)).singleElement().extracting(SimTrade::profitAndLoss).isEqualTo(price("41.00"));
    }

    @Test
    void restCloseOfAShortBuysAtTheAskAndLosesWhenTheAskIsAboveTheAverage() {
        sim.putPosition(ACC, ES, SimPosition.SHORT, 1, price("6000.00"));
        sim.publishQuote(ES, SimQuote.of(null, price("6000.75"), price("6001.00")));
        HubClient client = subscribedTo(ACC);

        assertSuccess(call("/api/Position/closeContract", json("accountId", ACC, "contractId", ES)));

        assertThat(client.event("GatewayUserOrder").get(0).get("side").asInt()).isEqualTo(BUY);
        JsonNode trade = client.event("GatewayUserTrade").get(0);
        assertThat(trade.get("price").decimalValue()).isEqualByComparingTo("6001.00");
        assertThat(trade.get("profitAndLoss").decimalValue()).isEqualByComparingTo("-50.00"); // 4 ticks × 12.50
    }

    @Test
    void restCloseWithoutBidOrAskUsesTheLastPriceAndWithoutAnyQuoteTheAveragePrice() {
        sim.putPosition(ACC, MNQ, SimPosition.LONG, 1, price("21000.00"));
        sim.putPosition(ACC, NQ, SimPosition.LONG, 1, price("21000.00"));
        sim.publishQuote(MNQ, SimQuote.of(price("20999.00"), null, null));

        assertSuccess(call("/api/Position/closeContract", json("accountId", ACC, "contractId", MNQ)));
        assertSuccess(call("/api/Position/closeContract", json("accountId", ACC, "contractId", NQ)));

        assertThat(sim.trades(ACC)).extracting(SimTrade::price, SimTrade::profitAndLoss).containsExactly(
                tuple(price("20999.00"), price("-2.00")),
                tuple(price("21000.00"), price("0.00")));
    }

    @Test
    void restPartialClosePublishesTheFillOfThatSizeAndTheRemainingPosition() {
        sim.putPosition(ACC, MNQ, SimPosition.LONG, 5, price("21000.00"));
        sim.publishQuote(MNQ, SimQuote.of(null, price("20999.50"), price("20999.75")));
        HubClient client = subscribedTo(ACC);

        assertSuccess(call("/api/Position/partialCloseContract", json("accountId", ACC, "contractId", MNQ, "size", 2)));

        assertThat(client.event("GatewayUserOrder").get(0).get("fillVolume").asInt()).isEqualTo(2);
        assertThat(client.event("GatewayUserTrade").get(0).get("profitAndLoss").decimalValue())
                .isEqualByComparingTo("-2.00");
        JsonNode rest = client.event("GatewayUserPosition").get(0);
        assertThat(rest.get("size").asLong()).isEqualTo(3);
        assertThat(rest.get("averagePrice").decimalValue()).isEqualByComparingTo("21000.00");
    }

    @Test
    void aContractOfAnUnknownRootIsPricedWithMnqTickEconomics() {
        String unknown = "CON.F.US.ZZ.H26";
        sim.putPosition(ACC, unknown, SimPosition.LONG, 1, price("100.00"));
        sim.publishQuote(unknown, SimQuote.of(null, price("101.00"), price("101.25")));

        assertSuccess(call("/api/Position/closeContract", json("accountId", ACC, "contractId", unknown)));

        assertThat(sim.trades(ACC)).singleElement().extracting(SimTrade::profitAndLoss).isEqualTo(price("2.00"));
    }

    @Test
    void afterUnsubscribingAConnectionGetsNoMoreOfThoseEvents() {
        HubClient client = subscribedTo(ACC);
        client.call("UnsubscribeOrders", ACC);
        client.call("UnsubscribeTrades", ACC);

        sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);

        assertThat(client.event("GatewayUserPosition").get(0).get("size").asLong()).isEqualTo(1);
        client.assertNoEventsBefore("UnsubscribePositions", ACC);
        assertThat(sim.accountSubscriptions()).isEmpty();
    }

    @Test
    void seedingTheBookPublishesToo() {
        HubClient client = subscribedTo(ACC);
        client.call("SubscribeAccounts");

        sim.putAccount(ACC, "TOPX-1", true);
        sim.putPosition(ACC, MNQ, SimPosition.LONG, 1, price("21000.00"));
        sim.putOrder(ACC, 77001, MNQ, 1, 4, SELL, 1, null, price("20990.00"));

        assertThat(client.nextTargets(3)).containsExactly("GatewayUserAccount", "GatewayUserPosition", "GatewayUserOrder");
    }

    @ParameterizedTest
    @EnumSource(GatewaySimulator.Shape.class)
    void thePayloadArgumentComesInTheChosenShape(GatewaySimulator.Shape shape) {
        HubClient client = userHub();
        client.call("SubscribeAccounts");

        sim.hubPayloadShape(shape);
        sim.setCanTrade(ACC, true);

        JsonNode argument = client.event("GatewayUserAccount").get(0);
        JsonNode payload = switch (shape) {
            case BARE -> argument;
            case LIST -> {
                assertThat(argument.isArray()).isTrue();
                assertThat(argument).hasSize(1);
                yield argument.get(0);
            }
            case WRAPPED -> {
                assertThat(argument.get("action").asInt()).isEqualTo(1);
                yield argument.get("data");
            }
        };
        assertThat(payload.get("id").asLong()).isEqualTo(ACC);
        assertThat(payload.get("canTrade").asBoolean()).isTrue();
    }
}
