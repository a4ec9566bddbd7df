package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The HTTP answer to one request: status, body (empty for bare statuses), extra headers, and for the
 * call log the business outcome and whether the book changed.
 */
record Answer(int httpStatus, String body, String contentType, Map<String, String> headers, Boolean success,
        Integer errorCode, boolean applied) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    /** A business answer (HTTP 200): the endpoint's payload plus success, errorCode, errorMessage. */
    static Answer ok(ObjectNode payload, boolean applied) {
        payload.put("success", true);
        payload.put("errorCode", 0);
        payload.putNull("errorMessage");
        return json(payload, applied);
    }

    /** A business failure (HTTP 200, success false); {@code nullFields} are the payload's fields, null. */
    static Answer failure(int errorCode, String errorMessage, String... nullFields) {
        ObjectNode payload = Json.object();
        for (String field : nullFields) {
            payload.putNull(field);
        }
        payload.put("success", false);
        payload.put("errorCode", errorCode);
        payload.put("errorMessage", errorMessage);
        return json(payload, false);
    }

    static Answer status(int httpStatus) {
        return new Answer(httpStatus, "", null, Map.of(), null, null, false);
    }

    static Answer status(int httpStatus, Map<String, String> headers) {
        return new Answer(httpStatus, "", null, headers, null, null, false);
    }

    static Answer badRequest(String message) {
        return new Answer(400, message + "\n", TEXT, Map.of(), null, null, false);
    }

    /** A JSON answer of the admin surface (HTTP 200, not a business outcome). */
    static Answer plainJson(JsonNode node) {
        return new Answer(200, Json.write(node), JSON, Map.of(), null, null, false);
    }

    private static Answer json(ObjectNode payload, boolean applied) {
        return new Answer(200, Json.write(payload), JSON, Map.of(), payload.get("success").asBoolean(),
                payload.get("errorCode").asInt(), applied);
    }
}
