package io.riskguard.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The one JSON tree reader of the contract codecs: numbers become exact {@code BigDecimal}s read
 * from their literal text, duplicate keys and trailing tokens fail. NaN and Infinity are let through
 * the parser so that {@link #nonFinitePath} can reject them with a reason of their own.
 */
final class StrictJson {

    private static final ObjectReader READER = createReader();

    private StrictJson() {
    }

    private static ObjectReader createReader() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // keeps 42.50 as 42.50; replaces the deprecated JsonNodeFactory.withExactBigDecimals(true)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper.reader();
    }

    /** The parsed value: a missing node for blank input. */
    static JsonNode readTree(String text) throws JsonProcessingException {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (NumberFormatException e) {
            // Jackson lets this escape for an exponent BigDecimal cannot hold, e.g. 1e999999999999.
            throw new JsonParseException(null, "unreadable number", e);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** The parsed object, or an IllegalArgumentException starting with {@code what}. */
    static ObjectNode readObject(String json, String what) {
        JsonNode node;
        try {
            node = readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": unparseable", e);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + ": not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The dotted path of the key a duplicate-key failure is about, or null for any other failure. */
    static String duplicateKeyPath(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field ")
                || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            segments.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /**
     * Whether the line may hold NaN or Infinity: Jackson only accepts them spelled {@code NaN},
     * {@code Infinity} or {@code INF} (with a sign), so a line without those can skip the tree walk.
     */
    static boolean mayHoldNonFinite(String line) {
        return line.indexOf("NaN") >= 0 || line.indexOf("Inf") >= 0 || line.indexOf("INF") >= 0;
    }

    /** The dotted path of the first NaN or infinite number in an object, or null if there is none. */
    static String nonFinitePath(ObjectNode root) {
        String suffix = nonFiniteSuffix(root);
        return suffix == null ? null : suffix.substring(1);
    }

    // With exact decimals every finite number is an integer or DecimalNode; only NaN/Infinity are doubles.
    private static String nonFiniteSuffix(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue()) ? null : "";
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String suffix = nonFiniteSuffix(field.getValue());
                if (suffix != null) {
                    return "." + field.getKey() + suffix;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String suffix = nonFiniteSuffix(node.get(i));
                if (suffix != null) {
                    return "[" + i + "]" + suffix;
                }
            }
        }
        return null;
    }
}
