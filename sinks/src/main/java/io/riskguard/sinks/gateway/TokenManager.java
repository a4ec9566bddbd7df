package io.riskguard.sinks.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session token: obtained with {@code Auth/loginKey}, refreshed with {@code Auth/validate}
 * well before its 24 h lifetime ends and whenever the gateway answers 401; if validation is
 * refused, logs in again.
 */
final class TokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    static final Duration REFRESH_AFTER = Duration.ofHours(20);

    private final GatewayClient client;
    private final GatewayCredentials credentials;
    private String token;
    private long refreshAt;

    TokenManager(GatewayClient client, GatewayCredentials credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    synchronized String token() throws InterruptedException, GatewayException {
        if (token == null) {
            login();
        } else if (System.nanoTime() - refreshAt >= 0) {
            refresh();
        }
        return token;
    }

    /** The gateway refused {@code used} (401): refresh it, unless another thread already did. */
    synchronized void rejected(String used) throws InterruptedException, GatewayException {
        if (used != null && used.equals(token)) {
            refresh();
        }
    }

    private void refresh() throws InterruptedException, GatewayException {
        String renewed = token == null ? null : client.validate(token);
        if (renewed == null) {
            login();
        } else {
            accept(renewed);
        }
    }

    private void login() throws InterruptedException, GatewayException {
        ObjectNode body = client.body().put("userName", credentials.userName()).put("apiKey", credentials.apiKey());
        for (int attempt = 0; ; attempt++) {
            GatewayResponse r = client.callWithoutToken("Auth/loginKey", body);
            if (r.success() && r.body().path("token").isTextual()) {
                accept(r.body().path("token").asText());
                return;
            }
            // Wrong credentials will not fix themselves, but enforcement must not stop: keep trying, loudly.
            LOG.error("gateway login refused for user {} (errorCode {}); retrying", credentials.userName(),
                    r.errorCode());
            Backoff.sleep(Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt, 5))));
        }
    }

    private void accept(String newToken) {
        token = newToken;
        refreshAt = System.nanoTime() + REFRESH_AFTER.toNanos();
    }
}
