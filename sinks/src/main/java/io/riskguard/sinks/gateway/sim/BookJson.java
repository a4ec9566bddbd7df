package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** The gateway's JSON shapes of accounts, positions, orders, trades, quotes and contracts. */
final class BookJson {

    private BookJson() {
    }

    static ObjectNode account(SimAccount a) {
        ObjectNode node = Json.object();
        node.put("id", a.id());
        node.put("name", a.name());
        node.put("balance", a.balance());
        node.put("canTrade", a.canTrade());
        node.put("isVisible", a.isVisible());
        node.put("simulated", true);
        return node;
    }

    static ObjectNode position(SimPosition p) {
        ObjectNode node = Json.object();
        node.put("id", p.id());
        node.put("accountId", p.accountId());
        node.put("contractId", p.contractId());
        node.put("creationTimestamp", Json.text(p.creationTimestamp()));
        node.put("type", p.type());
        node.put("size", p.size());
        node.put("averagePrice", p.averagePrice());
        return node;
    }

    static ObjectNode order(SimOrder o) {
        ObjectNode node = Json.object();
        node.put("id", o.id());
        node.put("accountId", o.accountId());
        node.put("contractId", o.contractId());
        node.put("creationTimestamp", Json.text(o.creationTimestamp()));
        node.put("updateTimestamp", Json.text(o.updateTimestamp()));
        node.put("status", o.status());
        node.put("type", o.type());
        node.put("side", o.side());
        node.put("size", o.size());
        node.put("limitPrice", o.limitPrice());
        node.put("stopPrice", o.stopPrice());
        node.put("fillVolume", o.fillVolume());
        node.put("filledPrice", o.filledPrice());
        node.put("customTag", o.customTag());
        return node;
    }

    static ObjectNode trade(SimTrade t) {
        ObjectNode node = Json.object();
        node.put("id", t.id());
        node.put("accountId", t.accountId());
        node.put("contractId", t.contractId());
        node.put("creationTimestamp", Json.text(t.creationTimestamp()));
        node.put("price", t.price());
        node.put("profitAndLoss", t.profitAndLoss());
        node.put("fees", t.fees());
        node.put("side", t.side());
        node.put("size", t.size());
        node.put("voided", t.voided());
        node.put("orderId", t.orderId());
        return node;
    }

    /** The data of a {@code GatewayQuote} event: the quote's non-null fields only. */
    static ObjectNode quote(SimQuote q) {
        ObjectNode node = Json.object();
        putIfPresent(node, "symbol", q.symbol());
        putIfPresent(node, "lastPrice", q.lastPrice());
        putIfPresent(node, "bestBid", q.bestBid());
        putIfPresent(node, "bestAsk", q.bestAsk());
        putIfPresent(node, "timestamp", Json.text(q.timestamp()));
        return node;
    }

    static ObjectNode contract(Contracts.Contract c) {
        ObjectNode node = Json.object();
        node.put("id", c.id());
        node.put("name", c.name());
        node.put("description", c.description());
        node.put("tickSize", c.tickSize());
        node.put("tickValue", c.tickValue());
        node.put("activeContract", true);
        return node;
    }

    static ArrayNode positions(List<SimPosition> positions) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        positions.forEach(p -> array.add(position(p)));
        return array;
    }

    static ArrayNode orders(List<SimOrder> orders) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        orders.forEach(o -> array.add(order(o)));
        return array;
    }

    static ArrayNode trades(List<SimTrade> trades) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        trades.forEach(t -> array.add(trade(t)));
        return array;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
