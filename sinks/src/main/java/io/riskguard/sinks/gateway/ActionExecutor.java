package io.riskguard.sinks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.contract.Action;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one action into its ProjectX calls: FLATTEN = cancel every working order, close every
 * position, re-check until flat (bounded); CLOSE_POSITION = closeContract; REDUCE_POSITION =
 * partialCloseContract; CANCEL_ORDER = cancel; MODIFY_STOP = modify. "Position not found" and
 * "order not found" (errorCode 2) mean the work is already done. An action in doubt (a previous
 * attempt died mid-call) is first checked against the broker's book, so a mutating call is never
 * sent twice for one action.
 */
final class ActionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ActionExecutor.class);
    /** ProjectX's "position not found" / "order not found". */
    static final int NOT_FOUND = 2;

    /** How an action ended at the broker. */
    record Outcome(boolean success, Integer errorCode, String errorMessage) {
        static final Outcome OK = new Outcome(true, null, null);
    }

    private final GatewayClient client;
    private final ActionLedger ledger;
    private final GatewayMetrics metrics;
    private final int businessRetries;
    private final int flattenRounds;
    private final Backoff backoff;

    ActionExecutor(GatewayClient client, ActionLedger ledger, GatewayMetrics metrics, GatewaySettings settings) {
        this.client = client;
        this.ledger = ledger;
        this.metrics = metrics;
        this.businessRetries = settings.businessRetries();
        this.flattenRounds = settings.flattenRounds();
        this.backoff = new Backoff(settings.maxBackoff());
    }

    Outcome execute(Action a, ActionLedger.Claim claim) throws Exception {
        boolean inDoubt = claim.status() == ActionLedger.Status.IN_DOUBT;
        return switch (a.kind()) {
            case FLATTEN -> flatten(a);
            case CLOSE_POSITION -> inDoubt && position(a.accountId(), a.contractId()) == null ? Outcome.OK
                    : mutate(a, "Position/closeContract", closeBody(a.accountId(), a.contractId()), Priority.HIGH);
            case REDUCE_POSITION -> reduce(a, claim);
            case CANCEL_ORDER -> inDoubt && workingOrder(a.accountId(), a.orderId()) == null ? Outcome.OK
                    : mutate(a, "Order/cancel", cancelBody(a.accountId(), a.orderId()), Priority.HIGH);
            case MODIFY_STOP -> inDoubt && !stopDiffers(a) ? Outcome.OK
                    : mutate(a, "Order/modify", client.body().put("accountId", a.accountId())
                            .put("orderId", a.orderId()).put("stopPrice", a.stopPrice()), Priority.LOW);
            case LOCK, UNLOCK -> Outcome.OK;
        };
    }

    /**
     * A partial close is not idempotent: remember the size it starts from; whenever it is unclear
     * whether the broker applied it (a previous attempt died, or no answer came), compare the book
     * with that size before sending it again.
     */
    private Outcome reduce(Action a, ActionLedger.Claim claim) throws Exception {
        Long observed = claim.status() == ActionLedger.Status.IN_DOUBT ? claim.observedSize() : null;
        while (true) {
            JsonNode p = position(a.accountId(), a.contractId());
            if (p == null) {
                return Outcome.OK;
            }
            long size = p.path("size").asLong();
            if (observed != null && size <= observed - a.size()) {
                return Outcome.OK;
            }
            observed = size;
            ledger.recordObservedSize(a.id(), size);
            ObjectNode body = closeBody(a.accountId(), a.contractId()).put("size", a.size());
            try {
                return mutate(a, "Position/partialCloseContract", body, Priority.HIGH, false);
            } catch (AmbiguousCallException unclear) {
                LOG.info("action {}: {}; checking the position before trying again", a.id(), unclear.getMessage());
            }
        }
    }

    private Outcome flatten(Action a) throws Exception {
        long account = a.accountId();
        for (int round = 0; round < flattenRounds; round++) {
            for (JsonNode order : list("Order/searchOpen", account, "orders")) {
                Outcome o = mutate(a, "Order/cancel", cancelBody(account, order.path("id").asLong()), Priority.HIGH);
                if (!o.success()) {
                    LOG.warn("flatten {}: cancel of order {} failed: {}", a.id(), order.path("id"), o.errorMessage());
                }
            }
            for (JsonNode position : list("Position/searchOpen", account, "positions")) {
                Outcome o = mutate(a, "Position/closeContract",
                        closeBody(account, position.path("contractId").asText()), Priority.HIGH);
                if (!o.success()) {
                    LOG.warn("flatten {}: close of {} failed: {}", a.id(), position.path("contractId"),
                            o.errorMessage());
                }
            }
            if (list("Order/searchOpen", account, "orders").isEmpty()
                    && list("Position/searchOpen", account, "positions").isEmpty()) {
                return Outcome.OK;
            }
        }
        return new Outcome(false, null, "account " + account + " not flat after " + flattenRounds + " rounds");
    }

    /** A mutating call: success, or "not found" (already done); other rejections retried a few times. */
    private Outcome mutate(Action a, String endpoint, ObjectNode body, Priority priority) throws Exception {
        return mutate(a, endpoint, body, priority, true);
    }

    private Outcome mutate(Action a, String endpoint, ObjectNode body, Priority priority, boolean idempotent)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            GatewayResponse r = client.call(endpoint, body, priority, idempotent);
            if (r.success() || r.errorCode() == NOT_FOUND) {
                return Outcome.OK;
            }
            if (attempt >= businessRetries) {
                LOG.warn("{} for action {} rejected: errorCode {} {}", endpoint, a.id(), r.errorCode(),
                        r.errorMessage());
                return new Outcome(false, r.errorCode(), r.errorMessage());
            }
            metrics.retry(endpoint, "rejected-" + r.errorCode());
            Backoff.sleep(backoff.delay(attempt));
        }
    }

    private JsonNode position(long account, String contractId) throws Exception {
        for (JsonNode p : list("Position/searchOpen", account, "positions")) {
            if (contractId.equals(p.path("contractId").asText())) {
                return p;
            }
        }
        return null;
    }

    private JsonNode workingOrder(long account, long orderId) throws Exception {
        for (JsonNode o : list("Order/searchOpen", account, "orders")) {
            if (o.path("id").asLong() == orderId) {
                return o;
            }
        }
        return null;
    }

    private boolean stopDiffers(Action a) throws Exception {
        JsonNode order = workingOrder(a.accountId(), a.orderId());
        if (order == null) {
            return false;
        }
        JsonNode stop = order.path("stopPrice");
        return !stop.isNumber() || new BigDecimal(stop.asText()).compareTo(a.stopPrice()) != 0;
    }

    private List<JsonNode> list(String endpoint, long account, String field) throws Exception {
        GatewayResponse r = client.call(endpoint, client.body().put("accountId", account), Priority.HIGH);
        List<JsonNode> items = new ArrayList<>();
        r.body().path(field).forEach(items::add);
        return items;
    }

    private ObjectNode closeBody(long account, String contractId) {
        return client.body().put("accountId", account).put("contractId", contractId);
    }

    private ObjectNode cancelBody(long account, long orderId) {
        return client.body().put("accountId", account).put("orderId", orderId);
    }
}
