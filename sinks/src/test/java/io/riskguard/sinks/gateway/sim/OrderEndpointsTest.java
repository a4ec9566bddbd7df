package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.PositionEndpointsTest.fieldNames;
import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OrderEndpointsTest extends SimulatorTestBase {

    private static final int STOP = 4;
    private static final int LIMIT = 1;
    private static final int SELL = 1;

    private JsonNode placeStop(long accountId, String customTag) {
        return call("/api/Order/place", json("accountId", accountId, "contractId", MNQ, "type", STOP, "side", SELL,
                "size", 1, "stopPrice", price("20990.00"), "customTag", customTag));
    }

    @Test
    void placeCreatesAWorkingOrderAndReturnsItsId() {
        JsonNode answer = placeStop(ACC, "rg:1001:a1");

        assertSuccess(answer);
        long orderId = answer.get("orderId").asLong();
        assertThat(sim.order(ACC, orderId)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(1);
            assertThat(o.type()).isEqualTo(STOP);
            assertThat(o.side()).isEqualTo(SELL);
            assertThat(o.size()).isEqualTo(1);
            assertThat(o.stopPrice()).isEqualByComparingTo("20990.00");
            assertThat(o.limitPrice()).isNull();
            assertThat(o.customTag()).isEqualTo("rg:1001:a1");
        });
    }

    @Test
    void placeWithACustomTagAlreadyUsedByTheAccountFailsWithErrorCodeTwoEvenAfterACancel() {
        long first = placeStop(ACC, "rg:tag").get("orderId").asLong();

        JsonNode duplicate = placeStop(ACC, "rg:tag");
        assertFailure(duplicate, 2, "duplicate customTag");
        assertThat(duplicate.get("orderId").isNull()).isTrue();

        assertSuccess(call("/api/Order/cancel", json("accountId", ACC, "orderId", first)));
        assertFailure(placeStop(ACC, "rg:tag"), 2, "duplicate customTag");
        assertSuccess(placeStop(OTHER_ACC, "rg:tag"));
        assertThat(sim.orders(ACC)).isEmpty();
    }

    @Test
    void searchOpenListsOnlyWorkingOrdersByIdWithTheGatewayFields() {
        sim.putOrder(ACC, 77003, MNQ, 6, LIMIT, 0, 1, price("20950.00"), null);
        sim.putOrder(ACC, 77001, MNQ, 1, STOP, SELL, 2, null, price("20990.25"));
        sim.putOrder(ACC, 77002, MNQ, 2, LIMIT, 0, 1, price("20950.00"), null);
        sim.putOrder(ACC, 77004, MNQ, 3, LIMIT, 0, 1, price("20950.00"), null);

        JsonNode answer = call("/api/Order/searchOpen", json("accountId", ACC));

        assertSuccess(answer);
        JsonNode orders = answer.get("orders");
        assertThat(orders).extracting(o -> o.get("id").asLong()).containsExactly(77001L, 77003L);
        JsonNode stop = orders.get(0);
        assertThat(fieldNames(stop)).containsExactly("id", "accountId", "contractId", "creationTimestamp",
                "updateTimestamp", "status", "type", "side", "size", "limitPrice", "stopPrice", "fillVolume",
                "filledPrice", "customTag");
        assertThat(stop.get("stopPrice").decimalValue()).isEqualByComparingTo("20990.25");
        assertThat(stop.get("limitPrice").isNull()).isTrue();
        assertThat(stop.get("size").asLong()).isEqualTo(2);
    }

    @Test
    void placedOrdersGetIdsAboveTheSeededOnes() {
        sim.putOrder(ACC, 77001, MNQ, 1, STOP, SELL, 2, null, price("20990.25"));

        assertThat(placeStop(ACC, null).get("orderId").asLong()).isGreaterThan(77001);
    }

    @Test
    void cancelMakesTheOrderCancelledAndNoLongerOpen() {
        sim.putOrder(ACC, 77001, MNQ, 1, STOP, SELL, 2, null, price("20990.25"));

        assertSuccess(call("/api/Order/cancel", json("accountId", ACC, "orderId", 77001)));

        assertThat(sim.order(ACC, 77001)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(3));
        assertThat(sim.orders(ACC)).isEmpty();
        assertThat(call("/api/Order/searchOpen", json("accountId", ACC)).get("orders")).isEmpty();
    }

    @Test
    void cancelOfAMissingOrNoLongerWorkingOrderFailsWithErrorCodeTwo() {
        sim.putOrder(ACC, 77002, MNQ, 2, LIMIT, 0, 1, price("20950.00"), null);

        assertFailure(call("/api/Order/cancel", json("accountId", ACC, "orderId", 99999)), 2, "order not found");
        assertFailure(call("/api/Order/cancel", json("accountId", ACC, "orderId", 77002)), 2, "order not found");
        assertThat(sim.order(ACC, 77002)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(2));
    }

    @Test
    void modifyUpdatesOnlyTheGivenFieldsOfAWorkingOrder() {
        sim.putOrder(ACC, 77001, MNQ, 1, STOP, SELL, 2, price("20980.00"), price("20990.25"));

        assertSuccess(call("/api/Order/modify", json("accountId", ACC, "orderId", 77001,
                "stopPrice", price("21000.50"), "limitPrice", null, "trailPrice", price("4.00"))));

        assertThat(sim.order(ACC, 77001)).hasValueSatisfying(o -> {
            assertThat(o.stopPrice()).isEqualByComparingTo("21000.50");
            assertThat(o.limitPrice()).isEqualByComparingTo("20980.00");
            assertThat(o.trailPrice()).isEqualByComparingTo("4.00");
            assertThat(o.size()).isEqualTo(2);
            assertThat(o.status()).isEqualTo(1);
        });

        assertSuccess(call("/api/Order/modify", json("accountId", ACC, "orderId", 77001, "size", 1)));
        assertThat(sim.orders(ACC)).singleElement().extracting(SimOrder::size).isEqualTo(1L);
    }

    @Test
    void modifyOfAMissingOrNoLongerWorkingOrderFailsWithErrorCodeTwo() {
        sim.putOrder(ACC, 77004, MNQ, 3, STOP, SELL, 1, null, price("20990.25"));

        assertFailure(call("/api/Order/modify", json("accountId", ACC, "orderId", 77004, "stopPrice", price("1.00"))),
                2, "order not found");
        assertFailure(call("/api/Order/modify", json("accountId", OTHER_ACC, "orderId", 77004, "size", 3)),
                2, "order not found");
        assertThat(sim.order(ACC, 77004)).hasValueSatisfying(o -> assertThat(o.stopPrice())
                .isEqualByComparingTo("20990.25"));
    }
}
