package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads inside one hub argument. Users of the broker's hubs see the same event arrive in
 * three shapes — the payload bare, a JSON array of payloads, or wrapped as {@code {"action": n,
 * "data": payload}} (whose data may itself be an array) — so all three are accepted.
 */
final class Payloads {

    private Payloads() {}

    /** @throws IllegalArgumentException naming what is wrong when a payload is not a JSON object */
    static List<ObjectNode> of(JsonNode argument) {
        List<ObjectNode> payloads = new ArrayList<>();
        collect(argument, payloads, 0);
        return payloads;
    }

    private static void collect(JsonNode node, List<ObjectNode> into, int depth) {
        if (depth > 2) {
            throw new IllegalArgumentException("payload nested too deeply");
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("payload missing");
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, into, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object, was " + node.getNodeType());
        }
        if (isWrapped(node)) {
            collect(node.get("data"), into, depth + 1);
            return;
        }
        into.add((ObjectNode) node);
    }

    /** {@code {"action": n, "data": ...}} and nothing else: no broker payload has only these two fields. */
    private static boolean isWrapped(JsonNode node) {
        return node.size() == 2 && node.has("action") && node.has("data");
    }
}
