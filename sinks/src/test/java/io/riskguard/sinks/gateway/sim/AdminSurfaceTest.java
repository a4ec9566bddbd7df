package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.parse;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminSurfaceTest extends SimulatorTestBase {

    @Test
    void seededPositionsAndOrdersShowInTheBookAndThroughTheGateway() throws Exception {
        assertThat(client.status("/sim/positions", null, json("accountId", ACC, "contractId", MNQ, "type", 2,
                "size", 3, "averagePrice", price("21001.50")))).isEqualTo(200);
        assertThat(client.status("/sim/orders", null, json("accountId", ACC, "orderId", 5001, "contractId", MNQ,
                "status", 1, "type", 4, "side", 0, "size", 3, "stopPrice", price("21020.00")))).isEqualTo(200);

        HttpResponse<String> book = client.get("/sim/book");

        assertThat(book.statusCode()).isEqualTo(200);
        JsonNode account = parse(book.body()).get("accounts").get(0);
        assertThat(account.get("id").asLong()).isEqualTo(ACC);
        assertThat(account.get("positions").get(0).get("size").asLong()).isEqualTo(3);
        assertThat(account.get("orders").get(0).get("id").asLong()).isEqualTo(5001);
        assertThat(call("/api/Order/searchOpen", json("accountId", ACC)).get("orders")).hasSize(1);
    }

    @Test
    void theCallLogIsServedAsJsonLinesWithoutAdminRequests() throws Exception {
        sim.putPosition(ACC, MNQ, 1, 1, price("21000.00"));
        call("/api/Position/closeContract", json("accountId", ACC, "contractId", MNQ));
        client.get("/sim/book");

        HttpResponse<String> calls = client.get("/sim/calls");

        assertThat(calls.statusCode()).isEqualTo(200);
        String[] lines = calls.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).doesNotContain(KEY);
        JsonNode close = parse(lines[1]);
        assertThat(close.get("path").asText()).isEqualTo("/api/Position/closeContract");
        assertThat(close.get("accountId").asLong()).isEqualTo(ACC);
        assertThat(close.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(close.get("applied").asBoolean()).isTrue();
        assertThat(close.get("body").asText()).contains(MNQ);
    }

    @Test
    void resetEmptiesTheBookTheCallLogAndTheFaults() {
        sim.putPosition(ACC, MNQ, 1, 1, price("21000.00"));
        sim.failNext(1, 500);

        assertThat(client.status("/sim/reset", null, "")).isEqualTo(200);

        assertThat(sim.positions(ACC)).isEmpty();
        assertThat(sim.accounts()).isEmpty();
        assertThat(sim.calls()).isEmpty();
        assertThat(client.status("/api/Position/searchOpen", token, json("accountId", ACC))).isEqualTo(200);
    }

    @Test
    void badSeedsAndUnknownAdminPathsAreRefused() throws Exception {
        assertThat(client.status("/sim/positions", null, json("accountId", ACC, "contractId", MNQ))).isEqualTo(400);
        assertThat(client.status("/sim/positions", null, json("accountId", ACC, "contractId", MNQ, "type", 3,
                "size", 1, "averagePrice", 1))).isEqualTo(400);
        assertThat(client.status("/sim/nothing", null, "{}")).isEqualTo(404);
        assertThat(client.get("/sim/reset").statusCode()).isEqualTo(405);
    }
}
