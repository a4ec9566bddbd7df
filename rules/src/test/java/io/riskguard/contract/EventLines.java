package io.riskguard.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Valid input lines for tests, with single quotes standing for double quotes. Changes are pairs of
 * field name and raw JSON value; a null value removes the field.
 */
final class EventLines {

    static final String TS = "2026-03-02T14:31:05.250Z";

    private EventLines() {
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String account(String... changes) {
        return envelope("account", "'accountId':1001,",
                data(changes, "id", "1001", "name", "'PRAC-1001'", "balance", "50000.00", "canTrade", "true",
                        "isVisible", "true", "simulated", "false"));
    }

    static String order(String... changes) {
        return envelope("order", "'accountId':1001,",
                data(changes, "id", "77001", "accountId", "1001", "contractId", "'CON.F.US.MNQ.H26'",
                        "symbolId", "'F.US.MNQ'", "creationTimestamp", "'2026-03-02T14:31:00.000Z'",
                        "updateTimestamp", "'2026-03-02T14:31:05.250Z'", "status", "1", "type", "4", "side", "1",
                        "size", "1", "limitPrice", "null", "stopPrice", "20990.75", "fillVolume", "0",
                        "filledPrice", "null", "customTag", "'stop-1'"));
    }

    static String position(String... changes) {
        return envelope("position", "'accountId':1001,",
                data(changes, "id", "66001", "accountId", "1001", "contractId", "'CON.F.US.MNQ.H26'",
                        "creationTimestamp", "'2026-03-02T14:31:05.250Z'", "type", "1", "size", "2",
                        "averagePrice", "21010.25"));
    }

    static String trade(String... changes) {
        return envelope("trade", "'accountId':1001,",
                data(changes, "id", "88001", "accountId", "1001", "contractId", "'CON.F.US.MNQ.H26'",
                        "creationTimestamp", "'2026-03-02T14:31:05.250Z'", "price", "21010.25",
                        "profitAndLoss", "-42.50", "fees", "0.74", "side", "1", "size", "1", "voided", "false",
                        "orderId", "77001"));
    }

    static String quote(String... changes) {
        return envelope("quote", "'contractId':'CON.F.US.MNQ.H26',",
                data(changes, "symbol", "'F.US.MNQ'", "symbolName", "'/MNQ'", "lastPrice", "21011.00",
                        "bestBid", "21010.75", "bestAsk", "21011.25", "change", "-12.50", "changePercent", "-0.06",
                        "open", "21020.00", "high", "21050.25", "low", "20980.00", "volume", "123456",
                        "lastUpdated", "'2026-03-02T14:31:05.250Z'", "timestamp", "'2026-03-02T14:31:05.250Z'"));
    }

    static String clock() {
        return json("{'type':'clock','ts':'" + TS + "'}");
    }

    private static String envelope(String type, String routing, String data) {
        return json("{'type':'" + type + "','ts':'" + TS + "'," + routing + "'data':" + data + "}");
    }

    private static String data(String[] changes, String... defaults) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i += 2) {
            fields.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                fields.remove(changes[i]);
            } else {
                fields.put(changes[i], changes[i + 1]);
            }
        }
        return fields.entrySet().stream()
                .map(e -> "'" + e.getKey() + "':" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
