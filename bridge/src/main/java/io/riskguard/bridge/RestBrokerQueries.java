package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.GatewayApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link BrokerQueries} over the gateway's REST API. */
final class RestBrokerQueries implements BrokerQueries {

    private final GatewayApi api;

    RestBrokerQueries(GatewayApi api) {
        this.api = api;
    }

    @Override
    public List<ObjectNode> accounts() throws Exception {
        return list(api.call("Account/search", api.body().put("onlyActiveAccounts", true)), "accounts");
    }

    @Override
    public List<ObjectNode> openPositions(long accountId) throws Exception {
        return list(api.call("Position/searchOpen", api.body().put("accountId", accountId)), "positions");
    }

    @Override
    public List<ObjectNode> openOrders(long accountId) throws Exception {
        return list(api.call("Order/searchOpen", api.body().put("accountId", accountId)), "orders");
    }

    @Override
    public List<ObjectNode> orders(long accountId, Instant from) throws Exception {
        return list(api.call("Order/search",
                api.body().put("accountId", accountId).put("startTimestamp", from.toString())), "orders");
    }

    @Override
    public List<ObjectNode> trades(long accountId, Instant from) throws Exception {
        return list(api.call("Trade/search",
                api.body().put("accountId", accountId).put("startTimestamp", from.toString())), "trades");
    }

    private static List<ObjectNode> list(JsonNode answer, String field) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode n : answer.path(field)) {
            if (n instanceof ObjectNode o) {
                items.add(o);
            }
        }
        return items;
    }
}
