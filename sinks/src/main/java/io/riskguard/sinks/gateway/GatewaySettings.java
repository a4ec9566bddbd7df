package io.riskguard.sinks.gateway;

import io.riskguard.sinks.jdbc.JdbcSettings;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How the broker sink talks to the gateway. No secret here: credentials are read from the
 * environment where the sink runs ({@link GatewayCredentials}).
 *
 * @param workers concurrent broker calls per sink subtask (each account's actions run in order)
 * @param maxBuffered actions a subtask holds before it backpressures the job
 * @param rateLimit requests allowed per {@code rateWindow}, kept under the broker's own limit
 * @param businessRetries how often a business rejection ({@code success: false}) is retried
 * @param ledger where sent actions are remembered; null: this JVM's memory only
 */
public record GatewaySettings(
        URI baseUrl,
        int workers,
        int maxBuffered,
        int rateLimit,
        Duration rateWindow,
        Duration requestTimeout,
        Duration maxBackoff,
        int businessRetries,
        int flattenRounds,
        JdbcSettings ledger,
        boolean demoCredentials) implements Serializable {

    /** ProjectX allows 200 requests per 60 s; we stay a little under it. */
    public static GatewaySettings defaults(URI baseUrl, JdbcSettings ledger) {
        return new GatewaySettings(baseUrl, 8, 10_000, 190, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, 3, ledger, false);
    }

    /**
     * For {@code local} only: when no credentials are in the environment, log in to the
     * in-process simulator (which accepts any) with a fixed demo user. Never for a real broker.
     */
    public GatewaySettings withDemoCredentials() {
        return new GatewaySettings(baseUrl, workers, maxBuffered, rateLimit, rateWindow, requestTimeout, maxBackoff,
                businessRetries, flattenRounds, ledger, true);
    }

    public GatewaySettings withRateLimit(int permits, Duration window) {
        return new GatewaySettings(baseUrl, workers, maxBuffered, permits, window, requestTimeout, maxBackoff,
                businessRetries, flattenRounds, ledger, demoCredentials);
    }

    public GatewaySettings withWorkers(int n) {
        return new GatewaySettings(baseUrl, n, maxBuffered, rateLimit, rateWindow, requestTimeout, maxBackoff,
                businessRetries, flattenRounds, ledger, demoCredentials);
    }

    public GatewaySettings withBackoff(Duration max) {
        return new GatewaySettings(baseUrl, workers, maxBuffered, rateLimit, rateWindow, requestTimeout, max,
                businessRetries, flattenRounds, ledger, demoCredentials);
    }

    public GatewaySettings withTimeout(Duration timeout) {
        return new GatewaySettings(baseUrl, workers, maxBuffered, rateLimit, rateWindow, timeout, maxBackoff,
                businessRetries, flattenRounds, ledger, demoCredentials);
    }
}
