package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * The demo's admin surface under {@code /sim/}: no auth, no faults, not in the call log.
 * {@code GET /sim/calls} (JSON lines), {@code GET /sim/book}, {@code POST /sim/positions},
 * {@code POST /sim/orders}, {@code POST /sim/reset}.
 */
final class AdminHandler implements HttpHandler {

    private final GatewaySimulator simulator;

    AdminHandler(GatewaySimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = ApiHandler.readBody(exchange);
            ApiHandler.write(exchange, answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
        }
    }

    private Answer answer(String method, String path, String body) {
        String expected = switch (path) {
            case "/sim/calls", "/sim/book" -> "GET";
            case "/sim/positions", "/sim/orders", "/sim/reset" -> "POST";
            default -> null;
        };
        if (expected == null) {
            return Answer.status(404);
        }
        if (!expected.equals(method)) {
            return Answer.status(405, Map.of("Allow", expected));
        }
        try {
            return switch (path) {
                case "/sim/calls" -> calls();
                case "/sim/book" -> Answer.plainJson(book());
                case "/sim/positions" -> Answer.plainJson(putPosition(Json.parseObject(body)));
                case "/sim/orders" -> Answer.plainJson(putOrder(Json.parseObject(body)));
                default -> reset();
            };
        } catch (Json.BadRequest | IllegalArgumentException e) {
            return Answer.badRequest(e.getMessage());
        }
    }

    private Answer calls() {
        StringBuilder lines = new StringBuilder();
        simulator.calls().forEach(c -> lines.append(Json.write(CallLog.toJson(c))).append('\n'));
        return new Answer(200, lines.toString(), "application/x-ndjson; charset=utf-8", Map.of(), null, null, false);
    }

    private ObjectNode book() {
        ArrayNode accounts = Json.MAPPER.createArrayNode();
        for (SimAccount account : simulator.accounts()) {
            ObjectNode node = BookJson.account(account);
            node.set("positions", BookJson.positions(simulator.positions(account.id())));
            node.set("orders", BookJson.orders(simulator.orders(account.id())));
            accounts.add(node);
        }
        ObjectNode root = Json.object();
        root.set("accounts", accounts);
        return root;
    }

    private ObjectNode putPosition(ObjectNode body) {
        SimPosition position = simulator.putPosition(
                Json.requireLong(body, "accountId"),
                Json.requireString(body, "contractId"),
                Json.requireInt(body, "type"),
                Json.requireLong(body, "size"),
                Json.requireDecimal(body, "averagePrice"));
        return BookJson.position(position);
    }

    private ObjectNode putOrder(ObjectNode body) {
        SimOrder order = simulator.putOrder(
                Json.requireLong(body, "accountId"),
                Json.requireLong(body, "orderId"),
                Json.requireString(body, "contractId"),
                Json.requireInt(body, "status"),
                Json.requireInt(body, "type"),
                Json.requireInt(body, "side"),
                Json.requireLong(body, "size"),
                Json.optionalDecimal(body, "limitPrice"),
                Json.optionalDecimal(body, "stopPrice"));
        return BookJson.order(order);
    }

    private Answer reset() {
        simulator.reset();
        ObjectNode ok = Json.object();
        ok.put("success", true);
        return Answer.plainJson(ok);
    }
}
