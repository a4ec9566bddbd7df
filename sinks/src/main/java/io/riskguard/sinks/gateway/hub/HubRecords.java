package io.riskguard.sinks.gateway.hub;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SignalR JSON hub protocol, version 1, as the broker's realtime hubs speak it, for both sides:
 * the bridge's client and the simulator's server. A record is one JSON text; on the wire each is
 * ended by {@link #RECORD_SEPARATOR} (the senders append it; {@link RecordSplitter} cuts received
 * text back into records). The client opens with a handshake; then both sides exchange invocations
 * (type 1), completions (3), pings (6) and a close (7). Numbers are read and written as exact
 * decimals, so a payload keeps the digits the broker sent.
 */
public final class HubRecords {

    public static final char RECORD_SEPARATOR = '\u001e';
    public static final String PROTOCOL = "json";
    public static final int VERSION = 1;

    public static final int INVOCATION = 1;
    public static final int COMPLETION = 3;
    public static final int PING = 6;
    public static final int CLOSE = 7;

    public static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private HubRecords() {}

    /** The client's first record. */
    public static String handshakeRequest() {
        return "{\"protocol\":\"" + PROTOCOL + "\",\"version\":" + VERSION + "}";
    }

    public static String handshakeAccepted() {
        return "{}";
    }

    public static String handshakeRefused(String error) {
        return write(JSON.createObjectNode().put("error", error));
    }

    /** An invocation the other side answers with a completion carrying {@code invocationId}. */
    public static String invocation(String invocationId, String target, Object... arguments) {
        ArrayNode args = JSON.createArrayNode();
        for (Object a : arguments) {
            args.add(JSON.valueToTree(a));
        }
        ObjectNode node = JSON.createObjectNode().put("type", INVOCATION).put("invocationId", invocationId)
                .put("target", target);
        node.set("arguments", args);
        return write(node);
    }

    /** An invocation without invocationId (an event): no answer is expected. */
    public static String invocation(String target, JsonNode arguments) {
        ObjectNode node = JSON.createObjectNode().put("type", INVOCATION).put("target", target);
        node.set("arguments", arguments);
        return write(node);
    }

    public static String completion(String invocationId) {
        ObjectNode node = JSON.createObjectNode().put("type", COMPLETION).put("invocationId", invocationId);
        node.putNull("result");
        return write(node);
    }

    public static String completionError(String invocationId, String error) {
        return write(JSON.createObjectNode().put("type", COMPLETION).put("invocationId", invocationId)
                .put("error", error));
    }

    public static String ping() {
        return "{\"type\":6}";
    }

    /** A close; {@code error} may be null (a normal close). */
    public static String close(String error) {
        ObjectNode node = JSON.createObjectNode().put("type", CLOSE);
        if (error != null) {
            node.put("error", error);
        }
        return write(node);
    }

    /** JSON text with decimals written as the plain digits they hold (never 1E+3). */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree always serializes", impossible);
        }
    }

    /** One received record; throws when it is not a JSON object. */
    public static Message parse(String record) throws JsonProcessingException {
        JsonNode node = JSON.readTree(record);
        if (node == null || !node.isObject()) {
            throw new JsonProcessingException("a hub record must be a JSON object") {};
        }
        return new Message(node.path("type").asInt(-1), (ObjectNode) node);
    }

    /** A received record. A handshake (request or answer) has no type: {@code -1}. */
    public record Message(int type, ObjectNode node) {

        public String target() {
            return node.path("target").asText(null);
        }

        /** The arguments of an invocation; an empty array when absent. */
        public ArrayNode arguments() {
            JsonNode a = node.get("arguments");
            return a instanceof ArrayNode array ? array : JSON.createArrayNode();
        }

        public String invocationId() {
            JsonNode id = node.get("invocationId");
            return id == null || id.isNull() ? null : id.asText();
        }

        /** The error of a completion, a close or a handshake answer; null when none. */
        public String error() {
            JsonNode e = node.get("error");
            return e == null || e.isNull() ? null : e.asText();
        }
    }
}
