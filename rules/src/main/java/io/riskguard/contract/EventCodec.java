package io.riskguard.contract;

import static io.riskguard.contract.FieldReader.reject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;

/**
 * Parses and validates one input line (CONTRACT.md §1). Every refusal is a
 * {@link RejectedInputException} whose reason names the offending field. Thread-safe.
 */
public final class EventCodec {

    private static final int MAX_SIDE = 1;
    private static final int MAX_ORDER_TYPE = 7;
    private static final int MAX_ORDER_STATUS = 6;
    private static final int MAX_POSITION_TYPE = 2;

    private EventCodec() {
    }

    public static Event parse(String line) throws RejectedInputException {
        ObjectNode root = readObject(line);
        checkEnvelopeFields(root);
        FieldReader envelope = new FieldReader(root, "");
        EventType type = type(envelope);
        Instant ts = ts(envelope);
        return switch (type) {
            case ACCOUNT -> account(ts, envelope, line);
            case ORDER -> order(ts, envelope, line);
            case POSITION -> position(ts, envelope, line);
            case TRADE -> trade(ts, envelope, line);
            case QUOTE -> quote(ts, envelope, line);
            case CLOCK -> clock(ts, envelope, line);
        };
    }

    private static ObjectNode readObject(String line) throws RejectedInputException {
        JsonNode root;
        try {
            root = StrictJson.readTree(line);
        } catch (JsonProcessingException e) {
            String duplicate = StrictJson.duplicateKeyPath(e);
            throw duplicate != null ? reject(InputCause.DUPLICATE_FIELD, "duplicate field " + duplicate)
                    : reject(InputCause.UNPARSEABLE_JSON, "unparseable JSON");
        }
        if (root.isMissingNode()) {
            throw reject(InputCause.UNPARSEABLE_JSON, "unparseable JSON");
        }
        if (!root.isObject()) {
            throw reject(InputCause.NOT_AN_OBJECT, "not a JSON object");
        }
        ObjectNode object = (ObjectNode) root;
        if (StrictJson.mayHoldNonFinite(line)) {
            String path = StrictJson.nonFinitePath(object);
            if (path != null) {
                throw reject(InputCause.NON_FINITE_NUMBER, "non-finite number in " + path);
            }
        }
        return object;
    }

    private static void checkEnvelopeFields(ObjectNode root) throws RejectedInputException {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            switch (name) {
                case "type", "ts", "accountId", "contractId", "data" -> { }
                default -> throw reject(InputCause.UNKNOWN_ENVELOPE_FIELD, "unknown envelope field \"" + name + "\"");
            }
        }
    }

    private static EventType type(FieldReader envelope) throws RejectedInputException {
        String type = envelope.requiredString("type");
        return switch (type) {
            case "account" -> EventType.ACCOUNT;
            case "order" -> EventType.ORDER;
            case "position" -> EventType.POSITION;
            case "trade" -> EventType.TRADE;
            case "quote" -> EventType.QUOTE;
            case "clock" -> EventType.CLOCK;
            default -> throw reject(InputCause.UNKNOWN_TYPE, "unknown type \"" + type + "\"");
        };
    }

    private static Instant ts(FieldReader envelope) throws RejectedInputException {
        Instant ts = UtcInstants.parse(envelope.requiredString("ts"));
        if (ts == null) {
            throw reject(InputCause.BAD_TIMESTAMP, "ts must be an ISO-8601 UTC instant ending in Z");
        }
        return ts;
    }

    private static AccountEvent account(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        long accountId = envelope.requiredLong("accountId");
        FieldReader data = data(envelope);
        checkSameAccount("id", data.requiredLong("id"), accountId);
        boolean canTrade = data.requiredBoolean("canTrade");
        return new AccountEvent(ts, accountId, canTrade, line);
    }

    private static OrderEvent order(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        long accountId = envelope.requiredLong("accountId");
        FieldReader data = data(envelope);
        long id = data.requiredLong("id");
        checkSameAccount("accountId", data.requiredLong("accountId"), accountId);
        String contractId = data.requiredContractId("contractId");
        data.optionalString("symbolId");
        data.optionalString("creationTimestamp");
        data.optionalString("updateTimestamp");
        int status = data.requiredEnum("status", MAX_ORDER_STATUS);
        int orderType = data.requiredEnum("type", MAX_ORDER_TYPE);
        int side = data.requiredEnum("side", MAX_SIDE);
        long size = data.requiredSize("size");
        BigDecimal limitPrice = data.optionalPrice("limitPrice");
        BigDecimal stopPrice = data.optionalPrice("stopPrice");
        Long fillVolume = data.optionalLong("fillVolume");
        BigDecimal filledPrice = data.optionalNumber("filledPrice");
        String customTag = data.optionalString("customTag");
        return new OrderEvent(ts, accountId, id, contractId, status, orderType, side, size, limitPrice, stopPrice,
                fillVolume, filledPrice, customTag, line);
    }

    private static PositionEvent position(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        long accountId = envelope.requiredLong("accountId");
        FieldReader data = data(envelope);
        long id = data.requiredLong("id");
        checkSameAccount("accountId", data.requiredLong("accountId"), accountId);
        String contractId = data.requiredContractId("contractId");
        data.optionalString("creationTimestamp");
        int positionType = data.requiredEnum("type", MAX_POSITION_TYPE);
        long size = data.requiredSize("size");
        BigDecimal averagePrice = data.requiredNumber("averagePrice");
        if (size > 0) {
            if (positionType == 0) {
                throw reject(InputCause.BAD_POSITION, "position type 0 with non-zero size");
            }
            if (averagePrice.signum() <= 0) {
                throw reject(InputCause.NON_POSITIVE_PRICE, "non-positive averagePrice " + averagePrice + " for an open position");
            }
        } else if (averagePrice.signum() < 0) {
            throw reject(InputCause.NEGATIVE_PRICE, "negative price " + averagePrice + " in data.averagePrice");
        }
        return new PositionEvent(ts, accountId, id, contractId, positionType, size, averagePrice, line);
    }

    private static TradeEvent trade(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        long accountId = envelope.requiredLong("accountId");
        FieldReader data = data(envelope);
        long id = data.requiredLong("id");
        checkSameAccount("accountId", data.requiredLong("accountId"), accountId);
        String contractId = data.requiredContractId("contractId");
        data.optionalString("creationTimestamp");
        BigDecimal price = data.requiredPrice("price");
        BigDecimal profitAndLoss = data.optionalNumber("profitAndLoss");
        BigDecimal fees = data.optionalNumber("fees");
        int side = data.requiredEnum("side", MAX_SIDE);
        long size = data.requiredSize("size");
        boolean voided = data.optionalBoolean("voided", false);
        long orderId = data.requiredLong("orderId");
        return new TradeEvent(ts, accountId, id, contractId, price, profitAndLoss,
                fees == null ? BigDecimal.ZERO : fees, side, size, voided, orderId, line);
    }

    private static QuoteEvent quote(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        String contractId = envelope.requiredContractId("contractId");
        FieldReader data = data(envelope);
        data.optionalString("symbol");
        data.optionalString("symbolName");
        BigDecimal lastPrice = data.optionalNonNegativePrice("lastPrice");
        BigDecimal bestBid = data.optionalNonNegativePrice("bestBid");
        BigDecimal bestAsk = data.optionalNonNegativePrice("bestAsk");
        data.optionalNumber("change");
        data.optionalNumber("changePercent");
        data.optionalNumber("open");
        data.optionalNumber("high");
        data.optionalNumber("low");
        data.optionalNumber("volume");
        data.optionalString("lastUpdated");
        data.optionalString("timestamp");
        return new QuoteEvent(ts, contractId, lastPrice, bestBid, bestAsk, line);
    }

    private static ClockEvent clock(Instant ts, FieldReader envelope, String line) throws RejectedInputException {
        if (envelope.value("data") != null) {
            throw reject(InputCause.UNEXPECTED_DATA, "unexpected data for clock");
        }
        return new ClockEvent(ts, line);
    }

    private static FieldReader data(FieldReader envelope) throws RejectedInputException {
        return new FieldReader(envelope.requiredObject("data"), "data.");
    }

    private static void checkSameAccount(String field, long dataValue, long envelopeAccountId)
            throws RejectedInputException {
        if (dataValue != envelopeAccountId) {
            throw reject(InputCause.ACCOUNT_MISMATCH, field + " " + dataValue + " in data differs from envelope accountId " + envelopeAccountId);
        }
    }
}
