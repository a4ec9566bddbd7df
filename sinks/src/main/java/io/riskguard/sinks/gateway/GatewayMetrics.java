package io.riskguard.sinks.gateway;

/** What the broker sink reports: requests by endpoint and outcome, retries, rate-limit waits, ack latency. */
public interface GatewayMetrics {

    GatewayMetrics NONE = new GatewayMetrics() {};

    /** {@code outcome}: ok, rejected (success false), http-4xx/5xx status, io-error. */
    default void request(String endpoint, String outcome) {}

    default void retry(String endpoint, String cause) {}

    default void rateLimitWait(long nanos) {}

    default void actionDone(String kind, boolean success, long latencyNanos) {}

    /** An action replayed after a restore that the ledger had already seen finish. */
    default void deduplicated() {}
}
