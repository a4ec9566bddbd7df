package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user hub ({@code /hubs/user}): per-connection subscriptions to accounts, and to the orders,
 * positions and trades of an account; it publishes the book's changes to the subscribers as
 * {@code GatewayUserAccount}, {@code GatewayUserOrder}, {@code GatewayUserPosition} and
 * {@code GatewayUserTrade} events. Being the book's listener, it sends while the book holds the
 * account's lock, so each connection gets an account's events in the order they happened.
 */
final class UserHub extends Hub implements BookListener {

    static final String PATH = "/hubs/user";

    private static final Topic ACCOUNTS = new Topic("accounts", "");
    private static final String ORDERS = "orders";
    private static final String POSITIONS = "positions";
    private static final String TRADES = "trades";

    private volatile GatewaySimulator.Shape shape = GatewaySimulator.Shape.BARE;

    UserHub() {
        super(PATH);
        method("SubscribeAccounts", 0, (caller, args) -> caller.subscribe(ACCOUNTS));
        method("UnsubscribeAccounts", 0, (caller, args) -> caller.unsubscribe(ACCOUNTS));
        declareAccountTopic("Orders", ORDERS);
        declareAccountTopic("Positions", POSITIONS);
        declareAccountTopic("Trades", TRADES);
    }

    private void declareAccountTopic(String methodSuffix, String kind) {
        method("Subscribe" + methodSuffix, 1, (caller, args) -> caller.subscribe(topic(kind, args)));
        method("Unsubscribe" + methodSuffix, 1, (caller, args) -> caller.unsubscribe(topic(kind, args)));
    }

    void payloadShape(GatewaySimulator.Shape newShape) {
        shape = Objects.requireNonNull(newShape, "shape");
    }

    /** The accounts whose orders, positions or trades an open connection subscribed to. */
    Set<Long> accountSubscriptions() {
        return connections().stream()
                .flatMap(c -> c.subscriptions().stream())
                .filter(t -> !t.equals(ACCOUNTS))
                .map(t -> Long.parseLong(t.key()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void accountChanged(SimAccount account) {
        publish(ACCOUNTS, "GatewayUserAccount", BookJson.account(account));
    }

    @Override
    public void orderChanged(SimOrder order) {
        publish(accountTopic(ORDERS, order.accountId()), "GatewayUserOrder", BookJson.order(order));
    }

    @Override
    public void positionChanged(SimPosition position) {
        publish(accountTopic(POSITIONS, position.accountId()), "GatewayUserPosition", BookJson.position(position));
    }

    @Override
    public void tradeAdded(SimTrade trade) {
        publish(accountTopic(TRADES, trade.accountId()), "GatewayUserTrade", BookJson.trade(trade));
    }

    private void publish(Topic topic, String target, ObjectNode payload) {
        String record = null;
        for (HubConnection connection : connections()) {
            if (connection.receives(topic)) {
                if (record == null) {
                    ArrayNode arguments = Json.MAPPER.createArrayNode().add(shape.apply(payload));
                    record = HubRecords.invocation(target, arguments);
                }
                connection.send(record);
            }
        }
    }

    private static Topic topic(String kind, ArrayNode args) {
        return accountTopic(kind, longArgument(args, 0));
    }

    private static Topic accountTopic(String kind, long accountId) {
        return new Topic(kind, Long.toString(accountId));
    }
}
