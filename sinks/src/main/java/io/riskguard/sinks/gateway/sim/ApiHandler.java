package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The request pipeline of the gateway API. In order: record arrival; unknown path → 404, other
 * method than POST → 405; scripted faults (delay, then fail / drop before apply); authentication
 * (401); rate limit (429); body parsing (400); the endpoint; a scripted drop after apply. Every
 * request is put in the call log before its response is written or its connection dropped.
 */
final class ApiHandler implements HttpHandler {

    private static final String REDACTED = "***";

    private final Endpoints endpoints;
    private final TokenStore tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final CallLog log;

    ApiHandler(Endpoints endpoints, TokenStore tokens, RateLimiter rateLimiter, Faults faults, CallLog log) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.log = log;
    }

    /** A request in flight: what the call log needs to know about it. */
    private record Arrival(long seq, Instant receivedAt, String path, Long accountId, String loggedBody) {
        Call completed(int httpStatus, Boolean success, Integer errorCode, boolean applied) {
            return new Call(seq, receivedAt, path, accountId, loggedBody, httpStatus, success, errorCode, applied);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long seq = log.nextSeq();
            Instant receivedAt = Instant.now();
            String path = exchange.getRequestURI().getPath();
            String raw = readBody(exchange);
            ObjectNode parsed = Json.tryParseObject(raw);
            Arrival arrival = new Arrival(seq, receivedAt, path, Json.accountIdOf(parsed),
                    Endpoints.LOGIN_KEY.equals(path) ? redactApiKey(raw, parsed) : raw);

            if (!endpoints.exists(path)) {
                respond(exchange, arrival, Answer.status(404));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, arrival, Answer.status(405, Map.of("Allow", "POST")));
                return;
            }
            Faults.Drawn drawn = faults.draw(path);
            sleep(drawn.delay());
            if (drawn.outcome() == Faults.Kind.FAIL) {
                respond(exchange, arrival, Answer.status(drawn.httpStatus()));
                return;
            }
            if (drawn.outcome() == Faults.Kind.DROP_BEFORE_APPLY) {
                drop(exchange, arrival, false);
                return;
            }
            Answer answer = process(exchange, path, raw);
            if (drawn.outcome() == Faults.Kind.DROP_AFTER_APPLY) {
                drop(exchange, arrival, answer.applied());
                return;
            }
            respond(exchange, arrival, answer);
        }
    }

    private Answer process(HttpExchange exchange, String path, String raw) {
        try {
            if (Endpoints.LOGIN_KEY.equals(path)) {
                return loginKey(raw);
            }
            String user = tokens.userOf(bearerToken(exchange));
            if (user == null) {
                return Answer.status(401);
            }
            long retryAfter = rateLimiter.tryAcquire(user);
            if (retryAfter > 0) {
                return tooManyRequests(retryAfter);
            }
            if (Endpoints.VALIDATE.equals(path)) {
                ObjectNode payload = Json.object();
                payload.put("newToken", tokens.issue(user));
                return Answer.ok(payload, false);
            }
            return endpoints.at(path).handle(Json.parseObject(raw));
        } catch (Json.BadRequest e) {
            return Answer.badRequest(e.getMessage());
        }
    }

    /** Counted against the userName it names, whether or not the credentials are right. */
    private Answer loginKey(String raw) {
        ObjectNode body = Json.parseObject(raw);
        String userName = Json.requireString(body, "userName");
        String apiKey = Json.requireString(body, "apiKey");
        long retryAfter = rateLimiter.tryAcquire(userName);
        if (retryAfter > 0) {
            return tooManyRequests(retryAfter);
        }
        String token = tokens.login(userName, apiKey);
        if (token == null) {
            return Answer.failure(3, "invalid credentials", "token");
        }
        ObjectNode payload = Json.object();
        payload.put("token", token);
        return Answer.ok(payload, false);
    }

    private static Answer tooManyRequests(long retryAfterSeconds) {
        return Answer.status(429, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private void respond(HttpExchange exchange, Arrival arrival, Answer answer) throws IOException {
        log.record(arrival.completed(answer.httpStatus(), answer.success(), answer.errorCode(), answer.applied()));
        write(exchange, answer);
    }

    /** Records the call (status 0), then closes the connection without a response. */
    private void drop(HttpExchange exchange, Arrival arrival, boolean applied) {
        log.record(arrival.completed(0, null, null, applied));
        exchange.close(); // before any response header: the server closes the connection
    }

    static void write(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.httpStatus(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The login body with its apiKey masked; a body that is not a JSON object is not kept at all. */
    private static String redactApiKey(String raw, ObjectNode parsed) {
        if (parsed == null) {
            return raw == null || raw.isEmpty() ? raw : REDACTED;
        }
        if (!parsed.has("apiKey")) {
            return raw;
        }
        ObjectNode copy = parsed.deepCopy();
        copy.put("apiKey", REDACTED);
        return Json.write(copy);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
