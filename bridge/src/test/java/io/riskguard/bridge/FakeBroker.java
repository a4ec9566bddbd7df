package io.riskguard.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A broker book for resynchronisation tests: what each REST read answers, and what it was asked. */
final class FakeBroker implements BrokerQueries {

    final List<ObjectNode> accounts = new ArrayList<>();
    final Map<Long, List<ObjectNode>> openPositions = new HashMap<>();
    final Map<Long, List<ObjectNode>> openOrders = new HashMap<>();
    final Map<Long, List<ObjectNode>> orders = new HashMap<>();
    final Map<Long, List<ObjectNode>> trades = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<ObjectNode> accounts() {
        asked.add("Account/search");
        return accounts;
    }

    @Override
    public List<ObjectNode> openPositions(long accountId) {
        asked.add("Position/searchOpen " + accountId);
        return openPositions.getOrDefault(accountId, List.of());
    }

    @Override
    public List<ObjectNode> openOrders(long accountId) {
        asked.add("Order/searchOpen " + accountId);
        return openOrders.getOrDefault(accountId, List.of());
    }

    @Override
    public List<ObjectNode> orders(long accountId, Instant from) {
        asked.add("Order/search " + accountId + " from " + from);
        return orders.getOrDefault(accountId, List.of());
    }

    @Override
    public List<ObjectNode> trades(long accountId, Instant from) {
        asked.add("Trade/search " + accountId + " from " + from);
        return trades.getOrDefault(accountId, List.of());
    }
}
