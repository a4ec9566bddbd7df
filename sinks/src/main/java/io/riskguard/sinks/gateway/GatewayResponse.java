package io.riskguard.sinks.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** A business answer (HTTP 200): {@code success}, {@code errorCode}, {@code errorMessage} and the body. */
record GatewayResponse(JsonNode body) {

    boolean success() {
        return body.path("success").asBoolean(false);
    }

    int errorCode() {
        return body.path("errorCode").asInt(-1);
    }

    String errorMessage() {
        JsonNode m = body.path("errorMessage");
        return m.isTextual() ? m.asText() : null;
    }
}
