package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Five requests per two seconds per user, on a clock that moves only when a test moves it; the login of
 * the test's setup takes the first slot.
 */
class RateLimitTest extends SimulatorTestBase {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    private final AtomicLong now = new AtomicLong();

    @Override
    GatewaySimulator.Options options() {
        return super.options().withRateLimit(5, WINDOW).withClock(now::get);
    }

    private String place(String tag) {
        return json("accountId", ACC, "contractId", MNQ, "type", 2, "side", 0, "size", 1, "customTag", tag);
    }

    @Test
    void theRequestAboveTheLimitGets429WithASaneRetryAfterAndIsNotApplied() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(client.status("/api/Order/place", token, place("t" + i))).isEqualTo(200);
        }

        HttpResponse<String> refused = client.send("/api/Order/place", token, place("t5"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isEqualTo(WINDOW.toSeconds());
        assertThat(sim.orders(ACC)).extracting(SimOrder::customTag).containsExactly("t1", "t2", "t3", "t4");
        List<Call> places = sim.callsTo("/api/Order/place");
        assertThat(places).extracting(Call::httpStatus).containsExactly(200, 200, 200, 200, 429);
        assertThat(places.get(4).applied()).isFalse();
    }

    @Test
    void afterWaitingRetryAfterSecondsRequestsAreServedAgain() throws Exception {
        for (int i = 1; i <= 4; i++) {
            client.status("/api/Order/searchOpen", token, json("accountId", ACC));
        }
        HttpResponse<String> refused = client.send("/api/Order/place", token, place("late"));
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAt = Duration.ofSeconds(retryAfter(refused)).toNanos();
        now.set(retryAt - 1);
        assertThat(client.status("/api/Order/place", token, place("late"))).isEqualTo(429);

        now.set(retryAt);

        assertThat(client.status("/api/Order/place", token, place("late"))).isEqualTo(200);
        assertThat(sim.orders(ACC)).extracting(SimOrder::customTag).containsExactly("late");
    }

    @Test
    void retryAfterCountsTheWholeSecondsUntilTheOldestRequestLeavesTheWindow() throws Exception {
        try (GatewaySimulator slow = GatewaySimulator.start(GatewaySimulator.Options.defaults()
                .withUser(USER, KEY).withRateLimit(2, Duration.ofSeconds(10)).withClock(now::get))) {
            SimClient slowClient = new SimClient(slow);
            String slowToken = slowClient.login(USER, KEY);
            slowClient.status("/api/Order/searchOpen", slowToken, json("accountId", ACC));
            now.set(Duration.ofMillis(1500).toNanos());

            HttpResponse<String> refused = slowClient.send("/api/Order/searchOpen", slowToken, json("accountId", ACC));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(retryAfter(refused)).as("8.5 s rounded up").isEqualTo(9);
        }
    }

    @Test
    void theLimitIsPerUserAndLoginAndValidateCount() {
        client.post("/api/Auth/validate", token, "");
        for (int i = 0; i < 3; i++) {
            client.status("/api/Order/searchOpen", token, json("accountId", ACC));
        }
        assertThat(client.status("/api/Auth/validate", token, "")).isEqualTo(429);
        assertThat(client.status("/api/Auth/loginKey", null, json("userName", USER, "apiKey", KEY))).isEqualTo(429);

        try (GatewaySimulator two = GatewaySimulator.start(options().withUser("second", "key-2"))) {
            SimClient twoClient = new SimClient(two);
            String first = twoClient.login(USER, KEY);
            for (int i = 0; i < 4; i++) {
                twoClient.status("/api/Order/searchOpen", first, json("accountId", ACC));
            }
            assertThat(twoClient.status("/api/Order/searchOpen", first, json("accountId", ACC))).isEqualTo(429);
            String second = twoClient.login("second", "key-2");
            assertThat(twoClient.status("/api/Order/searchOpen", second, json("accountId", ACC))).isEqualTo(200);
        }
    }

    @Test
    void unauthenticatedRequestsTakeNoSlot() {
        for (int i = 0; i < 10; i++) {
            assertThat(client.status("/api/Order/searchOpen", null, json("accountId", ACC))).isEqualTo(401);
        }
        sim.putPosition(ACC, MNQ, 1, 1, price("21000.00"));

        assertThat(client.status("/api/Position/closeContract", token, json("accountId", ACC, "contractId", MNQ)))
                .isEqualTo(200);
    }

    private static long retryAfter(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }
}
