package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.PositionEndpointsTest.fieldNames;
import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ExecuteAndSearchTest extends SimulatorTestBase {

    private static final int BUY = 0;
    private static final int SELL = 1;

    private SimPosition position() {
        assertThat(sim.positions(ACC)).hasSize(1);
        return sim.positions(ACC).get(0);
    }

    @Test
    void executeRecordsAFilledMarketOrderAndATradeWithNewIds() {
        SimTrade first = sim.execute(ACC, MNQ, BUY, 2, price("21000.00"), null);
        SimTrade second = sim.execute(ACC, MNQ, SELL, 1, price("21001.00"), price("0.50"));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.orderId()).isGreaterThan(first.orderId());
        assertThat(second.profitAndLoss()).isEqualByComparingTo("0.50");
        assertThat(sim.order(ACC, first.orderId())).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(SimOrder.STATUS_FILLED);
            assertThat(o.type()).isEqualTo(SimOrder.TYPE_MARKET);
            assertThat(o.side()).isEqualTo(BUY);
            assertThat(o.fillVolume()).isEqualTo(2);
            assertThat(o.filledPrice()).isEqualByComparingTo("21000.00");
        });
        assertThat(sim.orders(ACC)).as("filled orders are not working").isEmpty();
        assertThat(sim.trades(ACC)).containsExactly(first, second);
    }

    @Test
    void executeNetsThePositionAddingReducingClosingAndFlipping() {
        sim.execute(ACC, MNQ, BUY, 2, price("21000.00"), null);
        sim.execute(ACC, MNQ, BUY, 1, price("21003.00"), null);
        long id = position().id();
        assertThat(position()).extracting(SimPosition::type, SimPosition::size).containsExactly(1, 3L);
        assertThat(position().averagePrice()).isEqualByComparingTo("21001.00");

        sim.execute(ACC, MNQ, SELL, 1, price("21005.00"), price("2.00"));
        assertThat(position()).extracting(SimPosition::type, SimPosition::size).containsExactly(1, 2L);
        assertThat(position().averagePrice()).isEqualByComparingTo("21001.00");

        sim.execute(ACC, MNQ, SELL, 2, price("21005.00"), price("4.00"));
        assertThat(sim.positions(ACC)).isEmpty();

        sim.execute(ACC, MNQ, SELL, 3, price("21010.00"), null);
        assertThat(position()).extracting(SimPosition::type, SimPosition::size).containsExactly(2, 3L);
        long shortId = position().id();
        assertThat(shortId).isNotEqualTo(id);

        sim.execute(ACC, MNQ, BUY, 5, price("21000.00"), price("15.00"));
        assertThat(position()).extracting(SimPosition::id, SimPosition::type, SimPosition::size)
                .containsExactly(shortId, 1, 2L);
        assertThat(position().averagePrice()).isEqualByComparingTo("21000.00");
    }

    @Test
    void aNonTerminatingAveragePriceIsRoundedToTenDecimals() {
        sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);
        sim.execute(ACC, MNQ, BUY, 2, price("21000.25"), null);

        assertThat(position().averagePrice()).isEqualByComparingTo("21000.1666666667");
    }

    @Test
    void tradeSearchListsTheTradesCreatedFromStartInclusiveToEndExclusive() {
        SimTrade first = sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);
        awaitClockAfter(first.creationTimestamp());
        SimTrade second = sim.execute(ACC, MNQ, SELL, 1, price("21001.00"), price("2.00"));
        sim.execute(OTHER_ACC, MNQ, BUY, 1, price("21000.00"), null);

        JsonNode all = call("/api/Trade/search", json("accountId", ACC, "startTimestamp", "2020-01-01T00:00:00Z"));
        JsonNode untilSecond = call("/api/Trade/search", json("accountId", ACC,
                "startTimestamp", first.creationTimestamp().toString(),
                "endTimestamp", second.creationTimestamp().toString()));
        JsonNode fromSecond = call("/api/Trade/search", json("accountId", ACC,
                "startTimestamp", second.creationTimestamp().toString(), "endTimestamp", null));

        assertSuccess(all);
        assertThat(fieldNames(all)).containsExactly("trades", "success", "errorCode", "errorMessage");
        assertThat(all.get("trades")).extracting(t -> t.get("id").asLong()).containsExactly(first.id(), second.id());
        assertThat(fieldNames(all.get("trades").get(0))).containsExactly("id", "accountId", "contractId",
                "creationTimestamp", "price", "profitAndLoss", "fees", "side", "size", "voided", "orderId");
        assertThat(all.get("trades").get(0).get("profitAndLoss").isNull()).isTrue();
        assertThat(untilSecond.get("trades")).extracting(t -> t.get("id").asLong()).containsExactly(first.id());
        assertThat(fromSecond.get("trades")).extracting(t -> t.get("id").asLong()).containsExactly(second.id());
        assertThat(sim.searchTrades(ACC, second.creationTimestamp(), null)).containsExactly(second);
    }

    @Test
    void orderSearchListsOrdersOfAnyStatusUpdatedFromStartInclusiveToEndExclusive() {
        SimOrder working = sim.putOrder(ACC, 77001, MNQ, 1, 4, SELL, 1, null, price("20990.00"));
        awaitClockAfter(working.updateTimestamp());
        SimTrade fill = sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);
        awaitClockAfter(fill.creationTimestamp());
        assertSuccess(call("/api/Order/cancel", json("accountId", ACC, "orderId", 77001)));
        Instant cancelledAt = sim.order(ACC, 77001).orElseThrow().updateTimestamp();

        JsonNode beforeCancel = call("/api/Order/search", json("accountId", ACC,
                "startTimestamp", working.updateTimestamp().toString(), "endTimestamp", cancelledAt.toString()));
        JsonNode fromCancel = call("/api/Order/search", json("accountId", ACC,
                "startTimestamp", cancelledAt.toString()));

        assertSuccess(beforeCancel);
        assertThat(fieldNames(beforeCancel)).containsExactly("orders", "success", "errorCode", "errorMessage");
        assertThat(beforeCancel.get("orders")).extracting(o -> o.get("id").asLong()).containsExactly(fill.orderId());
        assertThat(fromCancel.get("orders")).singleElement().satisfies(o -> {
            assertThat(o.get("id").asLong()).isEqualTo(77001);
            assertThat(o.get("status").asInt()).isEqualTo(3);
        });
        assertThat(sim.searchOrders(ACC, Instant.EPOCH, null)).extracting(SimOrder::id)
                .containsExactly(77001L, fill.orderId());
    }

    @Test
    void theSearchesAreAuthenticatedLoggedAndRefuseAMissingOrBadStartTimestamp() {
        assertThat(client.status("/api/Trade/search", null, json("accountId", ACC, "startTimestamp",
                "2020-01-01T00:00:00Z"))).isEqualTo(401);
        assertThat(client.status("/api/Order/search", token, json("accountId", ACC))).isEqualTo(400);
        assertThat(client.status("/api/Trade/search", token, json("accountId", ACC, "startTimestamp", "yesterday")))
                .isEqualTo(400);
        assertThat(sim.callsTo("Trade/search")).extracting(Call::httpStatus).containsExactly(401, 400);
        assertThat(sim.callsTo("Order/search")).extracting(Call::httpStatus).containsExactly(400);
    }

    @Test
    void resetForgetsTradesAndQuotes() {
        sim.execute(ACC, MNQ, BUY, 1, price("21000.00"), null);
        sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), null, null));

        sim.reset();

        assertThat(sim.trades(ACC)).isEmpty();
        assertThat(sim.lastQuote(MNQ)).isEmpty();
        assertThat(call("/api/Trade/search", json("accountId", ACC, "startTimestamp", "2020-01-01T00:00:00Z"))
                .get("trades")).isEmpty();
    }

    /** The book stamps in milliseconds: waits until the clock is in a later millisecond than {@code instant}. */
    private static void awaitClockAfter(Instant instant) {
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant));
    }
}
