package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * The demo's admin surface under {@code /sim/}: no auth, no faults, not in the call log. A bad body is
 * answered 400 with a message naming the field.
 * <ul>
 * <li>{@code GET /sim/calls}: the call log, JSON lines; {@code GET /sim/book}: accounts, positions, working orders.
 * <li>{@code POST /sim/positions}, {@code POST /sim/orders}: seed a position or an order; {@code POST /sim/reset}.
 * <li>{@code POST /sim/execute {accountId, contractId, side, size, price, profitAndLoss?}}: a fill
 *     ({@link GatewaySimulator#execute}; side 0 buy, 1 sell; profitAndLoss omitted for an opening fill),
 *     published on the user hub; answers the trade.
 * <li>{@code POST /sim/quote {contractId, lastPrice?, bestBid?, bestAsk?}} (at least one price): a quote
 *     published on the market hub ({@link GatewaySimulator#publishQuote}); answers the contract's last quote.
 * <li>{@code POST /sim/can-trade {accountId, canTrade}}: the broker allows or stops the account's trading
 *     ({@link GatewaySimulator#setCanTrade}), published on the user hub; answers the account.
 * </ul>
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
            case "/sim/positions", "/sim/orders", "/sim/reset", "/sim/execute", "/sim/quote", "/sim/can-trade" ->
                    "POST";
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
                case "/sim/execute" -> Answer.plainJson(execute(Json.parseObject(body)));
                case "/sim/quote" -> Answer.plainJson(publishQuote(Json.parseObject(body)));
                case "/sim/can-trade" -> Answer.plainJson(setCanTrade(Json.parseObject(body)));
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

    private ObjectNode execute(ObjectNode body) {
        SimTrade trade = simulator.execute(
                Json.requireLong(body, "accountId"),
                Json.requireString(body, "contractId"),
                Json.requireInt(body, "side"),
                Json.requireLong(body, "size"),
                Json.requireDecimal(body, "price"),
                Json.optionalDecimal(body, "profitAndLoss"));
        return BookJson.trade(trade);
    }

    private ObjectNode publishQuote(ObjectNode body) {
        String contractId = Json.requireString(body, "contractId");
        SimQuote quote = SimQuote.of(Json.optionalDecimal(body, "lastPrice"), Json.optionalDecimal(body, "bestBid"),
                Json.optionalDecimal(body, "bestAsk"));
        if (quote.lastPrice() == null && quote.bestBid() == null && quote.bestAsk() == null) {
            throw new Json.BadRequest("a quote needs at least one number field of lastPrice, bestBid, bestAsk");
        }
        simulator.publishQuote(contractId, quote);
        ObjectNode last = Json.object();
        last.put("contractId", contractId);
        last.setAll(BookJson.quote(simulator.lastQuote(contractId).orElseThrow()));
        return last;
    }

    private ObjectNode setCanTrade(ObjectNode body) {
        return BookJson.account(simulator.setCanTrade(Json.requireLong(body, "accountId"),
                Json.requireBoolean(body, "canTrade")));
    }

    private Answer reset() {
        simulator.reset();
        ObjectNode ok = Json.object();
        ok.put("success", true);
        return Answer.plainJson(ok);
    }
}
