package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySimulatorMainTest {

    @Test
    void printsOneListeningLineAndUsesTheUserFromTheEnvironmentWithoutPrintingTheKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("RISKGUARD_GATEWAY_USER", "ops", "RISKGUARD_GATEWAY_API_KEY", "s3cret");

        try (GatewaySimulator sim = GatewaySimulatorMain.start(new String[] {"--port", "0"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).isEqualTo("gateway-sim listening on http://127.0.0.1:" + sim.port()
                    + System.lineSeparator());
            assertThat(printed).doesNotContain("s3cret");
            SimClient client = new SimClient(sim);
            assertThat(client.login("ops", "s3cret")).isNotBlank();
            assertThat(client.post("/api/Auth/loginKey", null, json("userName", "x", "apiKey", "y"))
                    .get("success").asBoolean()).isFalse();
        }
    }

    @Test
    void withoutBothVariablesItRunsInDemoMode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GatewaySimulator sim = GatewaySimulatorMain.start(new String[] {"--port=0"},
                Map.of("RISKGUARD_GATEWAY_USER", "ops"), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(new SimClient(sim).login("anyone", "anything")).isNotBlank();
        }
    }

    @Test
    void startingWithOptionsKeepsTheirHubPortAndPrintsTheSameListeningLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GatewaySimulator sim = GatewaySimulatorMain.start(GatewaySimulator.Options.defaults().withHubPort(0),
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("gateway-sim listening on http://127.0.0.1:"
                    + sim.port() + System.lineSeparator());
            assertThat(sim.hubUri().toString()).startsWith("ws://127.0.0.1:");
            assertThat(sim.hubUri().getPort()).isPositive().isNotEqualTo(sim.port());
        }
    }

    @Test
    void thePortDefaultsTo8090AndBadArgumentsAreRefused() {
        assertThat(GatewaySimulatorMain.port(new String[0])).isEqualTo(8090);
        assertThat(GatewaySimulatorMain.port(new String[] {"--port", "9000"})).isEqualTo(9000);
        assertThatThrownBy(() -> GatewaySimulatorMain.port(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewaySimulatorMain.port(new String[] {"--port", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewaySimulatorMain.port(new String[] {"--verbose"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
