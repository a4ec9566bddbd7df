package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The gateway's JSON shapes of accounts, positions, orders and contracts. */
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
}
