package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.Json.optionalDecimal;
import static io.riskguard.sinks.gateway.sim.Json.optionalInstant;
import static io.riskguard.sinks.gateway.sim.Json.optionalLong;
import static io.riskguard.sinks.gateway.sim.Json.optionalString;
import static io.riskguard.sinks.gateway.sim.Json.requireBoolean;
import static io.riskguard.sinks.gateway.sim.Json.requireInstant;
import static io.riskguard.sinks.gateway.sim.Json.requireInt;
import static io.riskguard.sinks.gateway.sim.Json.requireLong;
import static io.riskguard.sinks.gateway.sim.Json.requireString;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * The authenticated business endpoints of the gateway, as handlers of an already authenticated,
 * rate-limited, parsed request body. A missing required field is a {@link Json.BadRequest}; a
 * {@link BookException} becomes a business failure.
 */
final class Endpoints {

    static final String LOGIN_KEY = "/api/Auth/loginKey";
    static final String VALIDATE = "/api/Auth/validate";

    /** One endpoint: a parsed request body in, an answer out. */
    @FunctionalInterface
    interface Endpoint {
        Answer handle(ObjectNode body);
    }

    private final Book book;
    private final Map<String, Endpoint> byPath;

    Endpoints(Book book) {
        this.book = book;
        this.byPath = Map.ofEntries(
                Map.entry("/api/Position/searchOpen", this::searchOpenPositions),
                Map.entry("/api/Position/closeContract", this::closeContract),
                Map.entry("/api/Position/partialCloseContract", this::partialCloseContract),
                Map.entry("/api/Order/searchOpen", this::searchOpenOrders),
                Map.entry("/api/Order/search", this::searchOrders),
                Map.entry("/api/Order/cancel", this::cancelOrder),
                Map.entry("/api/Order/modify", this::modifyOrder),
                Map.entry("/api/Order/place", this::placeOrder),
                Map.entry("/api/Trade/search", this::searchTrades),
                Map.entry("/api/Account/search", this::searchAccounts),
                Map.entry("/api/Contract/searchById", this::searchContractById));
    }

    /** The business endpoint of a path, or null (login and validate are handled by the pipeline). */
    Endpoint at(String path) {
        return byPath.get(path);
    }

    boolean exists(String path) {
        return byPath.containsKey(path) || LOGIN_KEY.equals(path) || VALIDATE.equals(path);
    }

    private Answer searchOpenPositions(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        ObjectNode payload = Json.object();
        payload.set("positions", BookJson.positions(book.positions(accountId)));
        return Answer.ok(payload, false);
    }

    private Answer closeContract(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        String contractId = requireString(body, "contractId");
        return guarded(() -> book.closeContract(accountId, contractId));
    }

    private Answer partialCloseContract(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        String contractId = requireString(body, "contractId");
        long size = requireLong(body, "size");
        return guarded(() -> book.partialCloseContract(accountId, contractId, size));
    }

    private Answer searchOpenOrders(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        ObjectNode payload = Json.object();
        payload.set("orders", BookJson.orders(book.workingOrders(accountId)));
        return Answer.ok(payload, false);
    }

    /** Orders of any status whose updateTimestamp is in [startTimestamp, endTimestamp). */
    private Answer searchOrders(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        Instant start = requireInstant(body, "startTimestamp");
        Instant end = optionalInstant(body, "endTimestamp");
        ObjectNode payload = Json.object();
        payload.set("orders", BookJson.orders(book.ordersUpdated(accountId, start, end)));
        return Answer.ok(payload, false);
    }

    /** Trades whose creationTimestamp is in [startTimestamp, endTimestamp). */
    private Answer searchTrades(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        Instant start = requireInstant(body, "startTimestamp");
        Instant end = optionalInstant(body, "endTimestamp");
        ObjectNode payload = Json.object();
        payload.set("trades", BookJson.trades(book.trades(accountId, start, end)));
        return Answer.ok(payload, false);
    }

    private Answer cancelOrder(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        long orderId = requireLong(body, "orderId");
        return guarded(() -> book.cancelOrder(accountId, orderId));
    }

    private Answer modifyOrder(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        long orderId = requireLong(body, "orderId");
        Long size = optionalLong(body, "size");
        var limit = optionalDecimal(body, "limitPrice");
        var stop = optionalDecimal(body, "stopPrice");
        var trail = optionalDecimal(body, "trailPrice");
        try {
            boolean changed = book.modifyOrder(accountId, orderId, size, limit, stop, trail);
            return Answer.ok(Json.object(), changed);
        } catch (BookException e) {
            return Answer.failure(e.errorCode(), e.getMessage());
        }
    }

    private Answer placeOrder(ObjectNode body) {
        long accountId = requireLong(body, "accountId");
        String contractId = requireString(body, "contractId");
        int type = requireInt(body, "type");
        int side = requireInt(body, "side");
        long size = requireLong(body, "size");
        var limit = optionalDecimal(body, "limitPrice");
        var stop = optionalDecimal(body, "stopPrice");
        var trail = optionalDecimal(body, "trailPrice");
        String customTag = optionalString(body, "customTag");
        try {
            long orderId = book.placeOrder(accountId, contractId, type, side, size, limit, stop, trail, customTag);
            ObjectNode payload = Json.object();
            payload.put("orderId", orderId);
            return Answer.ok(payload, true);
        } catch (BookException e) {
            return Answer.failure(e.errorCode(), e.getMessage(), "orderId");
        }
    }

    private Answer searchAccounts(ObjectNode body) {
        requireBoolean(body, "onlyActiveAccounts"); // every simulated account is active
        ArrayNode accounts = Json.MAPPER.createArrayNode();
        book.accounts().forEach(a -> accounts.add(BookJson.account(a)));
        ObjectNode payload = Json.object();
        payload.set("accounts", accounts);
        return Answer.ok(payload, false);
    }

    private Answer searchContractById(ObjectNode body) {
        String contractId = requireString(body, "contractId");
        return Contracts.byId(contractId)
                .map(c -> {
                    ObjectNode payload = Json.object();
                    payload.set("contract", BookJson.contract(c));
                    return Answer.ok(payload, false);
                })
                .orElseGet(() -> Answer.failure(1, "contract not found", "contract"));
    }

    /** Runs a book change: success and applied, or the book's business failure. */
    private static Answer guarded(Runnable change) {
        try {
            change.run();
            return Answer.ok(Json.object(), true);
        } catch (BookException e) {
            return Answer.failure(e.errorCode(), e.getMessage());
        }
    }
}
