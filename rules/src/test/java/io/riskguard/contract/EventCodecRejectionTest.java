package io.riskguard.contract;

import static io.riskguard.contract.EventLines.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecRejectionTest {

    private static final String TS = EventLines.TS;

    private static void assertRejected(String line, InputCause cause, String reason) {
        assertThatThrownBy(() -> EventCodec.parse(line))
                .isInstanceOf(RejectedInputException.class)
                .hasMessage(reason)
                .extracting(e -> ((RejectedInputException) e).cause()).isEqualTo(cause);
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"", "   ", "not json", "{\"type\":", "{\"type\":\"clock\",}", "{'type':'clock'}",
            "{\"type\":\"clock\",\"ts\":\"2026-03-02T14:31:05Z\"} {\"type\":\"clock\"}",
            "{\"type\":\"clock\",\"ts\":\"2026-03-02T14:31:05Z\"}x", "{\"size\":01}"})
    void rejectsUnparseableJson(String line) {
        assertRejected(line, InputCause.UNPARSEABLE_JSON, "unparseable JSON");
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"[1,2]", "\"trade\"", "42", "null", "true"})
    void rejectsAJsonValueThatIsNotAnObject(String line) {
        assertRejected(line, InputCause.NOT_AN_OBJECT, "not a JSON object");
    }

    @Test
    void rejectsAnUnknownType() {
        assertRejected(json("{'type':'foo','ts':'" + TS + "'}"), InputCause.UNKNOWN_TYPE, "unknown type \"foo\"");
        assertRejected(json("{'type':'Trade','ts':'" + TS + "'}"), InputCause.UNKNOWN_TYPE, "unknown type \"Trade\"");
    }

    @Test
    void rejectsAnUnknownEnvelopeField() {
        assertRejected(json("{'type':'clock','ts':'" + TS + "','extra':1}"), InputCause.UNKNOWN_ENVELOPE_FIELD, "unknown envelope field \"extra\"");
    }

    @Test
    void rejectsAMissingOrWronglyTypedEnvelopeTypeOrTs() {
        assertRejected(json("{'ts':'" + TS + "'}"), InputCause.MISSING_FIELD, "missing required field type");
        assertRejected(json("{'type':null,'ts':'" + TS + "'}"), InputCause.MISSING_FIELD, "missing required field type");
        assertRejected(json("{'type':3,'ts':'" + TS + "'}"), InputCause.WRONG_JSON_TYPE, "wrong JSON type for type: expected string");
        assertRejected(json("{'type':'clock'}"), InputCause.MISSING_FIELD, "missing required field ts");
        assertRejected(json("{'type':'clock','ts':1772461865}"), InputCause.WRONG_JSON_TYPE, "wrong JSON type for ts: expected string");
    }

    @Test
    void rejectsATradeWithoutAnEnvelopeAccountId() {
        assertRejected(EventLines.trade().replace("\"accountId\":1001,\"data\"", "\"data\""), InputCause.MISSING_FIELD,
                "missing required field accountId");
    }

    @Test
    void rejectsAnEnvelopeAccountIdThatIsNotAnInteger() {
        assertRejected(EventLines.order().replace("\"accountId\":1001,\"data\"", "\"accountId\":\"1001\",\"data\""), InputCause.WRONG_JSON_TYPE,
                "wrong JSON type for accountId: expected integer");
    }

    @Test
    void rejectsAQuoteWithoutAnEnvelopeContractId() {
        assertRejected(json("{'type':'quote','ts':'" + TS + "','accountId':1001,'data':{}}"), InputCause.MISSING_FIELD,
                "missing required field contractId");
        assertRejected(json("{'type':'quote','ts':'" + TS + "','contractId':7,'data':{}}"), InputCause.WRONG_JSON_TYPE,
                "wrong JSON type for contractId: expected string");
    }

    @Test
    void rejectsEventsWithoutData() {
        assertRejected(json("{'type':'position','ts':'" + TS + "','accountId':1001}"), InputCause.MISSING_FIELD, "missing required field data");
        assertRejected(json("{'type':'quote','ts':'" + TS + "','contractId':'CON.F.US.MNQ.H26','data':null}"), InputCause.MISSING_FIELD,
                "missing required field data");
        assertRejected(json("{'type':'account','ts':'" + TS + "','accountId':1001,'data':[1001]}"), InputCause.WRONG_JSON_TYPE,
                "wrong JSON type for data: expected object");
    }

    @Test
    void rejectsAClockThatCarriesData() {
        assertRejected(json("{'type':'clock','ts':'" + TS + "','data':{}}"), InputCause.UNEXPECTED_DATA, "unexpected data for clock");
    }

    @ParameterizedTest(name = "{0} data.{1}")
    @CsvSource({
            "account, id", "account, canTrade",
            "order, id", "order, accountId", "order, contractId", "order, status", "order, type", "order, side",
            "order, size",
            "position, id", "position, accountId", "position, contractId", "position, type", "position, size",
            "position, averagePrice",
            "trade, id", "trade, accountId", "trade, contractId", "trade, price", "trade, side", "trade, size",
            "trade, orderId"})
    void rejectsAMissingOrNullRequiredPayloadField(String type, String field) {
        assertRejected(line(type, field, null), InputCause.MISSING_FIELD, "missing required field data." + field);
        assertRejected(line(type, field, "null"), InputCause.MISSING_FIELD, "missing required field data." + field);
    }

    @ParameterizedTest(name = "{0} data.{1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "account  | id                | 1001.0      | integer",
            "account  | canTrade          | 'true'      | boolean",
            "order    | id                | '77001'     | integer",
            "order    | accountId         | 1001.5      | integer",
            "order    | contractId        | 5           | string",
            "order    | status            | 1.0         | integer",
            "order    | size              | '1'         | integer",
            "order    | size              | 1E0         | integer",
            "order    | limitPrice        | '21000'     | number",
            "order    | stopPrice         | true        | number",
            "order    | filledPrice       | {}          | number",
            "order    | fillVolume        | 0.5         | integer",
            "order    | customTag         | 5           | string",
            "order    | symbolId          | []          | string",
            "order    | creationTimestamp | 1772461865  | string",
            "order    | updateTimestamp   | false       | string",
            "position | type              | 'long'      | integer",
            "position | averagePrice      | '21010.25'  | number",
            "position | creationTimestamp | 0           | string",
            "trade    | price             | '21010.25'  | number",
            "trade    | profitAndLoss     | '-42.50'    | number",
            "trade    | fees              | '0.74'      | number",
            "trade    | voided            | 'false'     | boolean",
            "trade    | voided            | 0           | boolean",
            "trade    | orderId           | 77001.0     | integer",
            "quote    | lastPrice         | '21011'     | number",
            "quote    | bestBid           | true        | number",
            "quote    | volume            | '123456'    | number",
            "quote    | change            | []          | number",
            "quote    | symbol            | 1           | string",
            "quote    | symbolName        | {}          | string",
            "quote    | lastUpdated       | 1           | string",
            "quote    | timestamp         | 1           | string"})
    void rejectsAWronglyTypedPayloadField(String type, String field, String value, String expected) {
        assertRejected(line(type, field, value), InputCause.WRONG_JSON_TYPE, "wrong JSON type for data." + field + ": expected " + expected);
    }

    @Test
    void rejectsAnIntegerThatDoesNotFitInALong() {
        assertRejected(EventLines.trade("id", "9223372036854775808"), InputCause.NUMBER_OUT_OF_RANGE, "integer out of range in data.id");
    }

    @Test
    void rejectsANumberWithAnExponentTooLargeToUse() {
        assertRejected(EventLines.trade("price", "1e999999999"), InputCause.NUMBER_OUT_OF_RANGE, "number out of range in data.price");
        assertRejected(EventLines.trade("fees", "1e-1001"), InputCause.NUMBER_OUT_OF_RANGE, "number out of range in data.fees");
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"1e999999999999", "-1e2147483648", "1e-999999999999"})
    void rejectsANumberBigDecimalCannotHoldAsUnparseable(String price) {
        assertRejected(EventLines.trade("price", price), InputCause.UNPARSEABLE_JSON, "unparseable JSON");
    }

    @ParameterizedTest(name = "{0} data.{1} = {2}")
    @CsvSource({
            "order, side, 2", "order, side, -1", "order, type, 8", "order, status, 7",
            "trade, side, 9", "position, type, 3"})
    void rejectsAnUnknownEnumValue(String type, String field, String value) {
        assertRejected(line(type, field, value), InputCause.UNKNOWN_ENUM_VALUE, "unknown enum value " + value + " for data." + field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order", "position", "trade"})
    void rejectsANegativeSize(String type) {
        assertRejected(line(type, "size", "-1"), InputCause.NEGATIVE_SIZE, "negative size -1 in data.size");
    }

    @Test
    void rejectsNaNAndInfinityAsNonFiniteNumbers() {
        assertRejected(EventLines.trade("price", "NaN"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.price");
        assertRejected(EventLines.trade("profitAndLoss", "-Infinity"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.profitAndLoss");
        assertRejected(EventLines.order("stopPrice", "+INF"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.stopPrice");
        assertRejected(EventLines.quote("bestBid", "Infinity"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.bestBid");
        assertRejected(EventLines.quote("change", "-INF"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.change");
    }

    @Test
    void rejectsANonFiniteNumberEvenInAnInformationalField() {
        assertRejected(EventLines.account("balance", "NaN"), InputCause.NON_FINITE_NUMBER, "non-finite number in data.balance");
        assertRejected(EventLines.trade("extra", "{'list':[1,{'x':Infinity}]}"), InputCause.NON_FINITE_NUMBER,
                "non-finite number in data.extra.list[1].x");
    }

    @Test
    void rejectsANonPositiveOrderLimitOrStopPrice() {
        assertRejected(EventLines.order("stopPrice", "0"), InputCause.NON_POSITIVE_PRICE, "non-positive price 0 in data.stopPrice");
        assertRejected(EventLines.order("limitPrice", "-1.50"), InputCause.NON_POSITIVE_PRICE, "non-positive price -1.50 in data.limitPrice");
    }

    @Test
    void rejectsANonPositiveTradePrice() {
        assertRejected(EventLines.trade("price", "0"), InputCause.NON_POSITIVE_PRICE, "non-positive price 0 in data.price");
        assertRejected(EventLines.trade("price", "-21010.25"), InputCause.NON_POSITIVE_PRICE, "non-positive price -21010.25 in data.price");
    }

    @Test
    void rejectsAnOpenPositionWhoseAveragePriceIsNotPositive() {
        assertRejected(EventLines.position("averagePrice", "0"), InputCause.NON_POSITIVE_PRICE, "non-positive averagePrice 0 for an open position");
        assertRejected(EventLines.position("averagePrice", "-5.25"), InputCause.NON_POSITIVE_PRICE,
                "non-positive averagePrice -5.25 for an open position");
    }

    @Test
    void rejectsAnOpenPositionOfType0() {
        assertRejected(EventLines.position("type", "0"), InputCause.BAD_POSITION, "position type 0 with non-zero size");
        assertRejected(EventLines.position("type", "0", "averagePrice", "0"), InputCause.BAD_POSITION, "position type 0 with non-zero size");
    }

    @Test
    void rejectsAClosedPositionWithANegativeAveragePrice() {
        assertRejected(EventLines.position("size", "0", "averagePrice", "-1"), InputCause.NEGATIVE_PRICE, "negative price -1 in data.averagePrice");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lastPrice", "bestBid", "bestAsk"})
    void rejectsANegativeQuotePrice(String field) {
        assertRejected(EventLines.quote(field, "-1"), InputCause.NEGATIVE_PRICE, "negative price -1 in data." + field);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"CON.F.US", "MNQ", "", "CON..US.MNQ.H26", "CON.F.US.MNQ.", ".F.US.MNQ.H26",
            "CON.F.US.MNQ..H26"})
    void rejectsAMalformedContractIdInEveryPayloadAndTheQuoteEnvelope(String contractId) {
        String value = "'" + contractId + "'";
        assertRejected(EventLines.order("contractId", value), InputCause.MALFORMED_CONTRACT_ID, "malformed contractId");
        assertRejected(EventLines.position("contractId", value), InputCause.MALFORMED_CONTRACT_ID, "malformed contractId");
        assertRejected(EventLines.trade("contractId", value), InputCause.MALFORMED_CONTRACT_ID, "malformed contractId");
        assertRejected(json("{'type':'quote','ts':'" + TS + "','contractId':" + value + ",'data':{}}"), InputCause.MALFORMED_CONTRACT_ID,
                "malformed contractId");
    }

    @Test
    void rejectsATradeWhoseDataAccountIdDiffersFromTheEnvelope() {
        assertRejected(EventLines.trade("accountId", "1002"), InputCause.ACCOUNT_MISMATCH,
                "accountId 1002 in data differs from envelope accountId 1001");
    }

    @Test
    void rejectsAnOrderOrPositionWhoseDataAccountIdDiffersFromTheEnvelope() {
        assertRejected(EventLines.order("accountId", "2002"), InputCause.ACCOUNT_MISMATCH,
                "accountId 2002 in data differs from envelope accountId 1001");
        assertRejected(EventLines.position("accountId", "1"), InputCause.ACCOUNT_MISMATCH,
                "accountId 1 in data differs from envelope accountId 1001");
    }

    @Test
    void rejectsAnAccountEventWhoseDataIdDiffersFromTheEnvelope() {
        assertRejected(EventLines.account("id", "1002"), InputCause.ACCOUNT_MISMATCH, "id 1002 in data differs from envelope accountId 1001");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"2026-03-02T15:31:05.250+01:00", "2026-03-02T14:31:05.250", "2026-03-02T14:31:05.250z",
            "2026-03-02 14:31:05.250Z", "2026-03-02", "2026-02-30T14:31:05Z", "2026-03-02T25:00:00Z",
            "2026-03-02T14:31Z", "yesterday", ""})
    void rejectsATsThatIsNotAnIsoInstantEndingInZ(String ts) {
        assertRejected(json("{'type':'clock','ts':'" + ts + "'}"), InputCause.BAD_TIMESTAMP, "ts must be an ISO-8601 UTC instant ending in Z");
    }

    @Test
    void rejectsDuplicateKeysNamingTheField() {
        assertRejected(json("{'type':'clock','type':'clock','ts':'" + TS + "'}"), InputCause.DUPLICATE_FIELD, "duplicate field type");
        assertRejected(EventLines.trade("price", "1,'price':2"), InputCause.DUPLICATE_FIELD, "duplicate field data.price");
        assertRejected(EventLines.trade("extra", "[{'a':1},{'a':1,'a':2}]"), InputCause.DUPLICATE_FIELD, "duplicate field data.extra[1].a");
        assertRejected("[{\"a\":1,\"a\":2}]", InputCause.DUPLICATE_FIELD, "duplicate field [0].a");
    }

    private static String line(String type, String field, String value) {
        return switch (type) {
            case "account" -> EventLines.account(field, value);
            case "order" -> EventLines.order(field, value);
            case "position" -> EventLines.position(field, value);
            case "trade" -> EventLines.trade(field, value);
            case "quote" -> EventLines.quote(field, value);
            default -> throw new IllegalArgumentException(type);
        };
    }
}
