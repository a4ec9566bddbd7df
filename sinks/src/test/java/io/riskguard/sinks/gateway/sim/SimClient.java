package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test client of the simulator over real HTTP (java.net.http, HTTP/1.1). */
final class SimClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SimClient(GatewaySimulator simulator) {
        this.base = simulator.baseUri();
    }

    /** A JSON object from alternating keys and values. */
    static String json(Object... keysAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value == null) {
                node.putNull((String) keysAndValues[i]);
            } else {
                node.set((String) keysAndValues[i], MAPPER.valueToTree(value));
            }
        }
        return node.toString();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal price(String text) {
        return new BigDecimal(text);
    }

    /** POSTs the body; the token may be null (no Authorization header). Throws IOException on a dropped connection. */
    HttpResponse<String> send(String path, String token, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    HttpResponse<String> get(String path) throws IOException {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** POSTs and expects HTTP 200; the parsed JSON answer. */
    JsonNode post(String path, String token, String body) {
        try {
            HttpResponse<String> response = send(path, token, body);
            assertThat(response.statusCode()).as("HTTP status of %s: %s", path, response.body()).isEqualTo(200);
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs and returns the status alone. */
    int status(String path, String token, String body) {
        try {
            return send(path, token, body).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in and returns the token (asserting success). */
    String login(String userName, String apiKey) {
        JsonNode answer = post("/api/Auth/loginKey", null, json("userName", userName, "apiKey", apiKey));
        assertThat(answer.get("success").asBoolean()).as("login of %s", userName).isTrue();
        return answer.get("token").asText();
    }
}
