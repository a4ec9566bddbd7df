package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a simulator on an ephemeral port for each test, with one configured user, and stops it after. */
abstract class SimulatorTestBase {

    static final String USER = "trader";
    static final String KEY = "key-1";
    static final long ACC = 1001;
    static final long OTHER_ACC = 1002;
    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";
    static final String NQ = "CON.F.US.ENQ.H26";

    GatewaySimulator sim;
    SimClient client;
    String token;

    /** Overridden by tests that need other options. */
    GatewaySimulator.Options options() {
        return GatewaySimulator.Options.defaults().withUser(USER, KEY);
    }

    @BeforeEach
    void startSimulator() {
        sim = GatewaySimulator.start(options());
        client = new SimClient(sim);
        token = client.login(USER, KEY);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** POSTs with the test's token and expects HTTP 200. */
    JsonNode call(String path, String body) {
        return client.post(path, token, body);
    }

    static void assertSuccess(JsonNode answer) {
        assertThat(answer.get("success").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("errorCode").asInt()).isZero();
        assertThat(answer.get("errorMessage").isNull()).isTrue();
    }

    static void assertFailure(JsonNode answer, int errorCode, String errorMessage) {
        assertThat(answer.get("success").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.get("errorCode").asInt()).isEqualTo(errorCode);
        assertThat(answer.get("errorMessage").asText()).isEqualTo(errorMessage);
    }
}
