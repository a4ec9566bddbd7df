package io.riskguard.sinks.gateway.sim;

import java.time.Instant;

/**
 * One request the simulator received. {@code httpStatus} is 0 when the connection was dropped
 * without a response; {@code success}/{@code errorCode} are null unless a JSON business answer was
 * produced; {@code applied} is true when the request changed the book. The body is the raw request
 * text, except that the apiKey of {@code Auth/loginKey} is redacted.
 */
public record Call(
        long seq,
        Instant receivedAt,
        String path,
        Long accountId,
        String body,
        int httpStatus,
        Boolean success,
        Integer errorCode,
        boolean applied) {
}
