package io.riskguard.sinks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * The gateway's REST API for a process other than the broker sink (the realtime bridge): the same
 * reliable calls (token login and refresh, retries, 429 pauses) under its own rate limit, and the
 * session token for the realtime hubs. Never logs the token or the key.
 */
public final class GatewayApi {

    private final GatewayClient client;
    private final TokenManager tokens;

    private GatewayApi(GatewayClient client) {
        this.client = client;
        this.tokens = client.tokens();
    }

    /**
     * @param requestsPerMinute this process's share of the broker's per-user limit (200 per 60 s,
     *     shared with the broker sink when both use the same user)
     */
    public static GatewayApi connect(URI baseUrl, GatewayCredentials credentials, int requestsPerMinute,
            Duration requestTimeout) {
        GatewaySettings settings = GatewaySettings.defaults(baseUrl, null).withTimeout(requestTimeout);
        RateLimiter limiter = new RateLimiter(requestsPerMinute, Duration.ofMinutes(1), System::nanoTime);
        return new GatewayApi(new GatewayClient(settings, credentials, limiter, GatewayMetrics.NONE));
    }

    /** A valid session token: logged in on first use, refreshed when it is due. */
    public String token() throws InterruptedException, GatewayException {
        return tokens.token();
    }

    /** Someone refused {@code token} (a hub's handshake answered 401): the next {@link #token()} is a new one. */
    public void tokenRefused(String token) throws InterruptedException, GatewayException {
        tokens.rejected(token);
    }

    public ObjectNode body() {
        return client.body();
    }

    /**
     * An authenticated read, e.g. {@code call("Position/searchOpen", body)}: the answer's body.
     *
     * @throws GatewayException when the broker answers {@code success: false} or a 4xx
     */
    public JsonNode call(String endpoint, ObjectNode body) throws InterruptedException, GatewayException {
        GatewayResponse r = client.call(endpoint, body, Priority.HIGH);
        if (!r.success()) {
            throw new GatewayException(endpoint + " refused: errorCode " + r.errorCode()
                    + (r.errorMessage() != null ? " (" + r.errorMessage() + ")" : ""));
        }
        return r.body();
    }
}
