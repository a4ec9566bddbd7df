package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthTest extends SimulatorTestBase {

    @Test
    void loginWithTheConfiguredKeyReturnsAToken() {
        JsonNode answer = client.post("/api/Auth/loginKey", null, json("userName", USER, "apiKey", KEY));

        assertSuccess(answer);
        assertThat(answer.get("token").asText()).isNotBlank();
    }

    @Test
    void loginWithAWrongKeyOrAnUnknownUserFailsWithErrorCodeThreeAndNoToken() {
        for (String body : new String[] {json("userName", USER, "apiKey", "wrong"),
                json("userName", "someone", "apiKey", KEY)}) {
            JsonNode answer = client.post("/api/Auth/loginKey", null, body);

            assertFailure(answer, 3, "invalid credentials");
            assertThat(answer.get("token").isNull()).isTrue();
        }
    }

    @Test
    void demoModeAcceptsAnyNonEmptyCredentialsButNotEmptyOnes() {
        try (GatewaySimulator demo = GatewaySimulator.start(GatewaySimulator.Options.defaults())) {
            SimClient demoClient = new SimClient(demo);

            assertThat(demoClient.login("anyone", "anything")).isNotBlank();
            JsonNode empty = demoClient.post("/api/Auth/loginKey", null, json("userName", "anyone", "apiKey", ""));
            assertFailure(empty, 3, "invalid credentials");
        }
    }

    @Test
    void aRequestWithoutATokenIsRejectedWith401AndChangesNothing() throws Exception {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.25"));

        HttpResponse<String> response = client.send("/api/Position/closeContract", null,
                json("accountId", ACC, "contractId", MNQ));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(sim.positions(ACC)).hasSize(1);
    }

    @Test
    void anUnknownTokenIsRejectedWith401() {
        assertThat(client.status("/api/Position/searchOpen", "not-a-token", json("accountId", ACC))).isEqualTo(401);
    }

    @Test
    void aTokenPastItsLifetimeIsRejectedWith401() {
        AtomicLong now = new AtomicLong();
        Duration lifetime = Duration.ofMinutes(10);
        try (GatewaySimulator shortLived = GatewaySimulator.start(GatewaySimulator.Options.defaults()
                .withUser(USER, KEY).withTokenLifetime(lifetime).withClock(now::get))) {
            SimClient shortClient = new SimClient(shortLived);
            String shortToken = shortClient.login(USER, KEY);
            now.set(lifetime.toNanos() - 1);
            assertThat(shortClient.status("/api/Position/searchOpen", shortToken, json("accountId", ACC)))
                    .isEqualTo(200);

            now.set(lifetime.toNanos());

            assertThat(shortClient.status("/api/Position/searchOpen", shortToken, json("accountId", ACC)))
                    .isEqualTo(401);
            assertThat(shortClient.status("/api/Auth/validate", shortToken, "")).isEqualTo(401);
        }
    }

    @Test
    void expireAllTokensInvalidatesEveryIssuedTokenAtOnceAndANewLoginWorks() {
        String second = client.login(USER, KEY);

        sim.expireAllTokens();

        assertThat(client.status("/api/Order/searchOpen", token, json("accountId", ACC))).isEqualTo(401);
        assertThat(client.status("/api/Order/searchOpen", second, json("accountId", ACC))).isEqualTo(401);
        String fresh = client.login(USER, KEY);
        assertThat(client.status("/api/Order/searchOpen", fresh, json("accountId", ACC))).isEqualTo(200);
    }

    @Test
    void validateReturnsAFreshUsableTokenAndTheOldOneStaysValid() {
        JsonNode answer = client.post("/api/Auth/validate", token, "");

        assertSuccess(answer);
        String newToken = answer.get("newToken").asText();
        assertThat(newToken).isNotBlank().isNotEqualTo(token);
        assertThat(client.status("/api/Position/searchOpen", newToken, json("accountId", ACC))).isEqualTo(200);
        assertThat(client.status("/api/Position/searchOpen", token, json("accountId", ACC))).isEqualTo(200);
    }

    @Test
    void validateWithAnInvalidTokenAnswers401WithAnEmptyBody() throws Exception {
        sim.expireAllTokens();

        HttpResponse<String> response = client.send("/api/Auth/validate", token, "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void optionsNeverShowTheApiKeys() {
        assertThat(options().toString()).contains(USER).doesNotContain(KEY);
    }
}
