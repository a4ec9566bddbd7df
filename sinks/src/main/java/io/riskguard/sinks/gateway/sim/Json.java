package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * JSON reading and writing for the simulator: request bodies are read as trees (prices as exact
 * {@code BigDecimal}s), and field accessors turn a missing or mistyped required field into a
 * {@link BadRequest} (HTTP 400).
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    /** A malformed body or a missing/mistyped required field: answered with HTTP 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON object, or a BadRequest. */
    static ObjectNode parseObject(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new BadRequest("malformed JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The body as a JSON object, or null when it is not one (never throws). */
    static ObjectNode tryParseObject(String body) {
        try {
            return parseObject(body);
        } catch (BadRequest e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long requireLong(ObjectNode body, String field) {
        JsonNode node = present(body, field);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new BadRequest("required integer field missing or invalid: " + field);
        }
        return node.asLong();
    }

    static int requireInt(ObjectNode body, String field) {
        JsonNode node = present(body, field);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw new BadRequest("required integer field missing or invalid: " + field);
        }
        return node.asInt();
    }

    static Long optionalLong(ObjectNode body, String field) {
        return present(body, field) == null ? null : requireLong(body, field);
    }

    static String requireString(ObjectNode body, String field) {
        JsonNode node = present(body, field);
        if (node == null || !node.isTextual()) {
            throw new BadRequest("required string field missing or invalid: " + field);
        }
        return node.asText();
    }

    static String optionalString(ObjectNode body, String field) {
        return present(body, field) == null ? null : requireString(body, field);
    }

    static boolean requireBoolean(ObjectNode body, String field) {
        JsonNode node = present(body, field);
        if (node == null || !node.isBoolean()) {
            throw new BadRequest("required boolean field missing or invalid: " + field);
        }
        return node.asBoolean();
    }

    static BigDecimal requireDecimal(ObjectNode body, String field) {
        BigDecimal value = optionalDecimal(body, field);
        if (value == null) {
            throw new BadRequest("required number field missing: " + field);
        }
        return value;
    }

    static BigDecimal optionalDecimal(ObjectNode body, String field) {
        JsonNode node = present(body, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw new BadRequest("number field invalid: " + field);
        }
        return node.decimalValue();
    }

    /** An ISO-8601 instant ("2026-03-02T14:31:05Z", an offset instead of Z is accepted too). */
    static Instant requireInstant(ObjectNode body, String field) {
        String text = requireString(body, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("instant field invalid: " + field);
        }
    }

    static Instant optionalInstant(ObjectNode body, String field) {
        return present(body, field) == null ? null : requireInstant(body, field);
    }

    /** The integer {@code accountId} of a body, or null (for the call log; never throws). */
    static Long accountIdOf(ObjectNode body) {
        JsonNode node = body == null ? null : body.get("accountId");
        return node != null && node.canConvertToExactIntegral() && node.canConvertToLong() ? node.asLong() : null;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The field's node, or null when it is absent or JSON null. */
    private static JsonNode present(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
