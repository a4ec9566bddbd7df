package io.riskguard.sinks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POST to the ProjectX gateway, made reliable: under the rate limit, with a bearer token
 * (logged in, refreshed before expiry and on a 401), retried with backoff on 5xx, timeouts and
 * connection errors until it gets an answer, and paused on 429 for the broker's {@code Retry-After}.
 * Returns the business answer; never logs the token or the key.
 */
final class GatewayClient {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final GatewayMetrics metrics;
    private final TokenManager tokens;

    GatewayClient(GatewaySettings settings, GatewayCredentials credentials, RateLimiter limiter,
            GatewayMetrics metrics) {
        this.base = settings.baseUrl();
        this.timeout = settings.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.limiter = limiter;
        this.backoff = new Backoff(settings.maxBackoff());
        this.metrics = metrics;
        this.tokens = new TokenManager(this, credentials);
    }

    ObjectNode body() {
        return JSON.createObjectNode();
    }

    TokenManager tokens() {
        return tokens;
    }

    /** An authenticated call, e.g. {@code call("Position/closeContract", body, Priority.HIGH)}. */
    GatewayResponse call(String endpoint, ObjectNode body, Priority priority)
            throws InterruptedException, GatewayException {
        try {
            return call(endpoint, body, priority, true);
        } catch (AmbiguousCallException impossible) {
            throw new IllegalStateException("an idempotent call is retried, never ambiguous", impossible);
        }
    }

    /**
     * @param idempotent false for a call that must not be repeated blindly (a partial close): when
     *     no answer came, or a 5xx (the broker may have applied it), {@link AmbiguousCallException}
     *     is thrown instead of retrying, so the caller can look at the book first
     */
    GatewayResponse call(String endpoint, ObjectNode body, Priority priority, boolean idempotent)
            throws InterruptedException, GatewayException, AmbiguousCallException {
        for (int attempt = 0; ; attempt++) {
            String token = tokens.token();
            Answer a = post(endpoint, body, token, priority);
            if (a.status() == 200) {
                return new GatewayResponse(a.body());
            }
            if (a.status() == 401) {
                metrics.retry(endpoint, "token");
                tokens.rejected(token);
                continue;
            }
            if (!idempotent && (a.status() == 0 || a.status() >= 500)) {
                metrics.retry(endpoint, a.status() == 0 ? "io-error" : "http-" + a.status());
                Backoff.sleep(backoff.delay(attempt));
                throw new AmbiguousCallException(endpoint);
            }
            retryOrFail(endpoint, a, attempt);
        }
    }

    /** An unauthenticated call (login), retried like any other on transient failures. */
    GatewayResponse callWithoutToken(String endpoint, ObjectNode body) throws InterruptedException, GatewayException {
        for (int attempt = 0; ; attempt++) {
            Answer a = post(endpoint, body, null, Priority.HIGH);
            if (a.status() == 200) {
                return new GatewayResponse(a.body());
            }
            retryOrFail(endpoint, a, attempt);
        }
    }

    /** {@code Auth/validate} with the given token: the new token, or null if the token was refused. */
    String validate(String token) throws InterruptedException, GatewayException {
        for (int attempt = 0; ; attempt++) {
            Answer a = post("Auth/validate", body(), token, Priority.HIGH);
            if (a.status() == 200) {
                JsonNode newToken = a.body().path("newToken");
                return a.body().path("success").asBoolean(false) && newToken.isTextual() ? newToken.asText() : null;
            }
            if (a.status() == 401) {
                return null;
            }
            retryOrFail("Auth/validate", a, attempt);
        }
    }

    private void retryOrFail(String endpoint, Answer a, int attempt) throws InterruptedException, GatewayException {
        if (a.status() == 429) {
            long seconds = Math.max(1, a.retryAfterSeconds());
            metrics.retry(endpoint, "429");
            limiter.pauseUntil(System.nanoTime() + Duration.ofSeconds(seconds).toNanos());
            return;
        }
        if (a.status() >= 400 && a.status() < 500) {
            throw new GatewayException(endpoint + " answered HTTP " + a.status());
        }
        Duration delay = backoff.delay(attempt);
        metrics.retry(endpoint, a.status() == 0 ? "io-error" : "http-" + a.status());
        if (attempt % 10 == 9) {
            LOG.warn("gateway {} still failing after {} attempts ({}); retrying in {} ms", endpoint, attempt + 1,
                    a.status() == 0 ? a.error() : "HTTP " + a.status(), delay.toMillis());
        }
        Backoff.sleep(delay);
    }

    /** One HTTP exchange; status 0 when no answer came (timeout, refused, dropped connection). */
    private Answer post(String endpoint, ObjectNode body, String token, Priority priority) throws InterruptedException {
        metrics.rateLimitWait(limiter.acquire(priority));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/" + endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                JsonNode json = JSON.readTree(response.body());
                metrics.request(endpoint, json.path("success").asBoolean(false) ? "ok" : "rejected");
                return new Answer(200, json, 0, null);
            }
            metrics.request(endpoint, "http-" + status);
            long retryAfter = response.headers().firstValue("Retry-After").map(GatewayClient::seconds).orElse(1L);
            return new Answer(status, null, retryAfter, null);
        } catch (IOException e) {
            metrics.request(endpoint, "io-error");
            return new Answer(0, null, 0, e.getClass().getSimpleName());
        }
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private record Answer(int status, JsonNode body, long retryAfterSeconds, String error) {}
}
