package io.riskguard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Typed, checked access to the fields of one JSON object. A missing field and a JSON {@code null}
 * are the same thing. Failures name the field by its path ({@code data.size}).
 */
final class FieldReader {

    /**
     * Bounds the exponent of decimals: 1e999999999 is valid JSON, but printing or scaling it would
     * exhaust memory. Jackson already caps a number's text at 1000 characters.
     */
    private static final int MAX_ABS_SCALE = 1000;

    private final ObjectNode node;
    private final String prefix;

    FieldReader(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    String path(String name) {
        return prefix + name;
    }

    boolean hasField(String name) {
        return node.has(name);
    }

    Iterator<String> fieldNames() {
        return node.fieldNames();
    }

    /** The field's value, or null when it is missing or JSON null. */
    JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    long requiredLong(String name) throws RejectedInputException {
        return toLong(name, required(name));
    }

    Long optionalLong(String name) throws RejectedInputException {
        JsonNode value = value(name);
        return value == null ? null : toLong(name, value);
    }

    int requiredEnum(String name, int maxValue) throws RejectedInputException {
        long value = requiredLong(name);
        if (value < 0 || value > maxValue) {
            throw reject(InputCause.UNKNOWN_ENUM_VALUE, "unknown enum value " + value + " for " + path(name));
        }
        return (int) value;
    }

    long requiredSize(String name) throws RejectedInputException {
        long size = requiredLong(name);
        if (size < 0) {
            throw reject(InputCause.NEGATIVE_SIZE, "negative size " + size + " in " + path(name));
        }
        return size;
    }

    BigDecimal requiredNumber(String name) throws RejectedInputException {
        return toNumber(name, required(name));
    }

    BigDecimal optionalNumber(String name) throws RejectedInputException {
        JsonNode value = value(name);
        return value == null ? null : toNumber(name, value);
    }

    /** A price that must be greater than zero. */
    BigDecimal requiredPrice(String name) throws RejectedInputException {
        return checkPositive(name, requiredNumber(name));
    }

    /** A price that must be greater than zero when present. */
    BigDecimal optionalPrice(String name) throws RejectedInputException {
        BigDecimal price = optionalNumber(name);
        return price == null ? null : checkPositive(name, price);
    }

    /** A price where 0 is allowed (a quote's "unchanged", a closed position's average price). */
    BigDecimal optionalNonNegativePrice(String name) throws RejectedInputException {
        BigDecimal price = optionalNumber(name);
        if (price != null && price.signum() < 0) {
            throw reject(InputCause.NEGATIVE_PRICE, "negative price " + price + " in " + path(name));
        }
        return price;
    }

    boolean requiredBoolean(String name) throws RejectedInputException {
        return toBoolean(name, required(name));
    }

    boolean optionalBoolean(String name, boolean absent) throws RejectedInputException {
        JsonNode value = value(name);
        return value == null ? absent : toBoolean(name, value);
    }

    String requiredString(String name) throws RejectedInputException {
        return toText(name, required(name));
    }

    String optionalString(String name) throws RejectedInputException {
        JsonNode value = value(name);
        return value == null ? null : toText(name, value);
    }

    ObjectNode requiredObject(String name) throws RejectedInputException {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw wrongType(name, "object");
        }
        return (ObjectNode) value;
    }

    /** A contract id: at least four dot-separated tokens, none of them empty (RULES.md §1.2). */
    String requiredContractId(String name) throws RejectedInputException {
        String contractId = requiredString(name);
        if (!isWellFormedContractId(contractId)) {
            throw reject(InputCause.MALFORMED_CONTRACT_ID, "malformed contractId");
        }
        return contractId;
    }

    static boolean isWellFormedContractId(String s) {
        int tokens = 1;
        int tokenStart = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                if (i == tokenStart) {
                    return false;
                }
                tokens++;
                tokenStart = i + 1;
            }
        }
        return tokenStart < s.length() && tokens >= 4;
    }

    private JsonNode required(String name) throws RejectedInputException {
        JsonNode value = value(name);
        if (value == null) {
            throw reject(InputCause.MISSING_FIELD, "missing required field " + path(name));
        }
        return value;
    }

    private long toLong(String name, JsonNode value) throws RejectedInputException {
        if (!value.isIntegralNumber()) {
            throw wrongType(name, "integer");
        }
        if (!value.canConvertToLong()) {
            throw reject(InputCause.NUMBER_OUT_OF_RANGE, "integer out of range in " + path(name));
        }
        return value.longValue();
    }

    private BigDecimal toNumber(String name, JsonNode value) throws RejectedInputException {
        if (!value.isNumber()) {
            throw wrongType(name, "number");
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            throw reject(InputCause.NON_FINITE_NUMBER, "non-finite number in " + path(name));
        }
        BigDecimal number = value.decimalValue();
        if (Math.abs(number.scale()) > MAX_ABS_SCALE) {
            throw reject(InputCause.NUMBER_OUT_OF_RANGE, "number out of range in " + path(name));
        }
        return number;
    }

    private boolean toBoolean(String name, JsonNode value) throws RejectedInputException {
        if (!value.isBoolean()) {
            throw wrongType(name, "boolean");
        }
        return value.booleanValue();
    }

    private String toText(String name, JsonNode value) throws RejectedInputException {
        if (!value.isTextual()) {
            throw wrongType(name, "string");
        }
        return value.textValue();
    }

    private BigDecimal checkPositive(String name, BigDecimal price) throws RejectedInputException {
        if (price.signum() <= 0) {
            throw reject(InputCause.NON_POSITIVE_PRICE, "non-positive price " + price + " in " + path(name));
        }
        return price;
    }

    private RejectedInputException wrongType(String name, String expected) {
        return reject(InputCause.WRONG_JSON_TYPE, "wrong JSON type for " + path(name) + ": expected " + expected);
    }

    static RejectedInputException reject(InputCause cause, String reason) {
        return new RejectedInputException(cause, reason);
    }
}
