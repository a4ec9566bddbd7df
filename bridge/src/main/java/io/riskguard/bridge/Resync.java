package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.contract.Event;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the user hub (re)connects, what changed at the broker that the bridge has not told the
 * job: the broker's book read through REST, compared with {@link KnownAccounts}. Orders first
 * (every order placed or changed during the gap, in update order, and the working ones),
 * then the trades of the gap the job has not seen, then positions (new or changed; a position the
 * job still holds but the broker no longer has becomes a {@code size: 0} event) — the order in
 * which the hub reports a fill. On the first connection there is no gap: only the book.
 */
final class Resync {

    private static final Logger LOG = LoggerFactory.getLogger(Resync.class);

    /** Searches of the gap start this much earlier: the broker's clock and ours may differ. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(60);

    /** One payload to send, as the hub would have sent it. */
    record Change(HubEvent kind, ObjectNode payload) {}

    private final BrokerQueries broker;
    private final KnownAccounts known;

    Resync(BrokerQueries broker, KnownAccounts known) {
        this.broker = broker;
        this.known = known;
    }

    /** Accounts whose {@code canTrade} differs from what the job was told (all of them the first time). */
    List<Change> accounts(Set<Long> selected) throws Exception {
        List<Change> changes = new ArrayList<>();
        for (ObjectNode payload : broker.accounts()) {
            long id = payload.path("id").asLong(-1);
            if (selected != null && !selected.contains(id)) {
                continue;
            }
            Boolean was = known.of(id).canTrade;
            JsonNode canTrade = payload.get("canTrade");
            if (was == null || canTrade == null || canTrade.asBoolean() != was) {
                changes.add(new Change(HubEvent.ACCOUNT, payload));
            }
        }
        return changes;
    }

    /**
     * @param gapStart when the hub connection was lost; null on the first connection
     */
    List<Change> account(long accountId, Instant gapStart, Instant now) throws Exception {
        KnownAccounts.Account account = known.of(accountId);
        List<Change> changes = new ArrayList<>();
        orders(accountId, account, gapStart, now, changes);
        if (gapStart != null) {
            trades(accountId, account, gapStart, changes);
        }
        positions(accountId, account, now, changes);
        return changes;
    }

    private void orders(long accountId, KnownAccounts.Account account, Instant gapStart, Instant now,
            List<Change> changes) throws Exception {
        // The broker's current version of every order that may have changed: those that worked during
        // the gap or were placed in it (Order/search), and those working now (Order/searchOpen).
        Map<Long, ObjectNode> current = new LinkedHashMap<>();
        boolean anyVanished = !account.workingOrders.isEmpty();
        if (gapStart != null || anyVanished) {
            Instant from = (gapStart != null ? gapStart : now).minus(CLOCK_MARGIN);
            for (ObjectNode payload : broker.orders(accountId, from)) {
                current.put(payload.path("id").asLong(-1), payload);
            }
        }
        Set<Long> open = new HashSet<>();
        for (ObjectNode payload : broker.openOrders(accountId)) {
            long id = payload.path("id").asLong(-1);
            open.add(id);
            current.put(id, payload);
        }
        List<ObjectNode> changed = new ArrayList<>();
        for (ObjectNode payload : current.values()) {
            Event e = parsed(HubEvent.ORDER, payload, now);
            OrderEvent sent = e instanceof OrderEvent o ? account.recentOrders.get(o.orderId()) : null;
            if (sent == null || !KnownAccounts.sameOrder(sent, (OrderEvent) e)) {
                changed.add(payload);
            }
        }
        for (OrderEvent gone : account.workingOrders.values()) {
            ObjectNode last = current.get(gone.orderId());
            if (!open.contains(gone.orderId()) && (last == null || KnownAccounts.working(last.path("status").asInt(1)))) {
                // Not working any more, and the broker does not say how it ended: the job must stop
                // counting on it (a stop that no longer protects), so it is reported cancelled.
                LOG.warn("order {} of account {} stopped working while disconnected and Order/search does not "
                        + "show how; reporting it cancelled", gone.orderId(), accountId);
                changed.remove(last);
                ObjectNode cancelled = payloadOf(gone);
                cancelled.put("status", 3);
                changed.add(cancelled);
            }
        }
        inTimeOrder(changed, "updateTimestamp").forEach(o -> changes.add(new Change(HubEvent.ORDER, o)));
    }

    private void trades(long accountId, KnownAccounts.Account account, Instant gapStart, List<Change> changes)
            throws Exception {
        List<ObjectNode> missed = new ArrayList<>();
        for (ObjectNode payload : broker.trades(accountId, gapStart.minus(CLOCK_MARGIN))) {
            if (!account.recentTradeIds.contains(payload.path("id").asLong(-1))) {
                missed.add(payload);
            }
        }
        inTimeOrder(missed, "creationTimestamp").forEach(t -> changes.add(new Change(HubEvent.TRADE, t)));
    }

    private void positions(long accountId, KnownAccounts.Account account, Instant now, List<Change> changes)
            throws Exception {
        Set<String> open = new HashSet<>();
        for (ObjectNode payload : broker.openPositions(accountId)) {
            Event e = parsed(HubEvent.POSITION, payload, now);
            if (e instanceof PositionEvent p) {
                open.add(p.contractId());
                PositionEvent known = account.positions.get(p.contractId());
                if (known != null && KnownAccounts.samePosition(known, p)) {
                    continue;
                }
            }
            changes.add(new Change(HubEvent.POSITION, payload));
        }
        for (PositionEvent held : account.positions.values()) {
            if (!open.contains(held.contractId())) {
                ObjectNode closed = payloadOf(held);
                closed.put("size", 0);
                changes.add(new Change(HubEvent.POSITION, closed));
            }
        }
    }

    /** By the broker's time of each (unreadable times first), then by id: the order the hub would have sent them in. */
    private static List<ObjectNode> inTimeOrder(List<ObjectNode> payloads, String timeField) {
        Comparator<ObjectNode> byTime = Comparator.comparing(
                p -> EventTimestamps.parse(p.path(timeField).asText("")), Comparator.nullsFirst(Comparator.naturalOrder()));
        return payloads.stream().sorted(byTime.thenComparingLong(p -> p.path("id").asLong())).toList();
    }

    private static Event parsed(HubEvent kind, ObjectNode payload, Instant now) {
        return Envelopes.ofAccountEvent(kind, payload, now) instanceof Envelopes.Accepted a ? a.event() : null;
    }

    /** The payload the job was sent with an event, as a new object. */
    static ObjectNode payloadOf(Event e) {
        try {
            JsonNode line = HubRecords.JSON.readTree(e.raw());
            return ((ObjectNode) line.get("data")).deepCopy();
        } catch (Exception impossible) {
            throw new IllegalStateException("an accepted line is JSON", impossible);
        }
    }
}
