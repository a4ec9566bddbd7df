package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class RequestErrorsTest extends SimulatorTestBase {

    @Test
    void anUnknownPathAnswers404() {
        assertThat(client.status("/api/Position/closeAll", token, json("accountId", ACC))).isEqualTo(404);
        assertThat(client.status("/elsewhere", token, "{}")).isEqualTo(404);
    }

    @Test
    void malformedJsonAnswers400AndChangesNothing() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));

        assertThat(client.status("/api/Position/closeContract", token, "{\"accountId\": 1001, \"contractId\": "))
                .isEqualTo(400);
        assertThat(client.status("/api/Position/closeContract", token, "[1001]")).isEqualTo(400);
        assertThat(client.status("/api/Position/closeContract", token, "")).isEqualTo(400);
        assertThat(sim.positions(ACC)).hasSize(1);
    }

    @Test
    void aMissingOrMistypedRequiredFieldAnswers400() {
        assertThat(client.status("/api/Position/closeContract", token, json("accountId", ACC))).isEqualTo(400);
        assertThat(client.status("/api/Position/closeContract", token, json("accountId", "1001", "contractId", MNQ)))
                .isEqualTo(400);
        assertThat(client.status("/api/Order/place", token, json("accountId", ACC, "contractId", MNQ, "type", 2,
                "size", 1))).isEqualTo(400);
        assertThat(client.status("/api/Account/search", token, "{}")).isEqualTo(400);
        assertThat(client.status("/api/Auth/loginKey", null, json("userName", USER))).isEqualTo(400);
    }

    @Test
    void anotherMethodThanPostAnswers405() throws Exception {
        HttpResponse<String> response = client.exchange(HttpRequest.newBuilder(
                sim.baseUri().resolve("/api/Position/searchOpen")).GET().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
