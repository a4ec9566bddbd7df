package io.riskguard.job.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.riskguard.config.ConfigLoader;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.sinks.gateway.sim.Call;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code local --via-bridge} started as the command starts it, with three accounts and a fast trader:
 * the trader's fills cross the hubs, the bridge and Kafka, and the job's enforcement comes back to the
 * simulator as REST calls.
 */
class BridgedLocalRunTest {

    static final List<String> ENFORCEMENT_CALLS = List.of("/api/Position/closeContract",
            "/api/Position/partialCloseContract", "/api/Order/cancel");

    @Test
    void theJobEnforcesTheDefaultConfigOnTheSimulatorsAccountsAndEverythingStopsOnClose() throws Exception {
        String yaml = JobTestSupport.defaultConfigYaml();
        BridgedLocalRun.Request request = new BridgedLocalRun.Request(yaml, "default.yaml",
                ConfigLoader.parse(yaml, "default.yaml").version(), 3, 0, 1, Duration.ofMillis(100), 10, 7);
        GatewaySimulator simulator;

        try (BridgedLocalRun run = BridgedLocalRun.start(request, System.err)) {
            simulator = run.simulator();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> simulator.calls().stream().anyMatch(BridgedLocalRunTest::enforcement));
        }

        assertThat(simulator.calls().stream().filter(BridgedLocalRunTest::enforcement).map(Call::accountId))
                .allMatch(id -> id >= BridgedLocalRun.FIRST_ACCOUNT_ID && id < BridgedLocalRun.FIRST_ACCOUNT_ID + 3);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(simulator.baseUri().resolve("/sim/book")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("the simulator is stopped").isInstanceOf(IOException.class);
    }

    private static boolean enforcement(Call call) {
        return ENFORCEMENT_CALLS.contains(call.path()) && call.httpStatus() == 200;
    }
}
