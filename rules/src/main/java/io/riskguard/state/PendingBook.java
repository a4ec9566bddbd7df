package io.riskguard.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Enforcement already in flight (RULES.md §1.7), so that it is not repeated. Every record expires
 * at its trigger's ts + 10 s or ends earlier on the broker event that answers it. Immutable.
 *
 * @param positions per contract: the size a close or reduction is driving the position to
 * @param flattenExpires null when no flatten is in flight
 * @param cancels per order id: expiry
 * @param modifies per order id: the requested stop price and expiry
 */
public record PendingBook(
        Map<String, PendingTarget> positions,
        Instant flattenExpires,
        Map<Long, Instant> cancels,
        Map<Long, PendingModify> modifies) {

    public static final PendingBook EMPTY = new PendingBook(Map.of(), null, Map.of(), Map.of());

    public record PendingTarget(long target, Instant expires) {}

    public record PendingModify(BigDecimal stopPrice, Instant expires) {}

    public PendingBook {
        positions = Map.copyOf(positions);
        cancels = Map.copyOf(cancels);
        modifies = Map.copyOf(modifies);
    }

    public boolean isEmpty() {
        return positions.isEmpty() && flattenExpires == null && cancels.isEmpty() && modifies.isEmpty();
    }

    /** Drops every record that has expired at {@code t} (active iff {@code t < expires}). */
    public PendingBook expire(Instant t) {
        if (isEmpty()) {
            return this;
        }
        Map<String, PendingTarget> p = new HashMap<>(positions);
        p.values().removeIf(r -> !t.isBefore(r.expires()));
        Map<Long, Instant> c = new HashMap<>(cancels);
        c.values().removeIf(e -> !t.isBefore(e));
        Map<Long, PendingModify> m = new HashMap<>(modifies);
        m.values().removeIf(r -> !t.isBefore(r.expires()));
        Instant f = flattenExpires != null && t.isBefore(flattenExpires) ? flattenExpires : null;
        if (p.size() == positions.size() && c.size() == cancels.size() && m.size() == modifies.size()
                && f == flattenExpires) {
            return this;
        }
        return new PendingBook(p, f, c, m);
    }

    public PendingTarget position(String contractId) {
        return positions.get(contractId);
    }

    /** When a close of the contract is in flight (target 0): its expiry, during which closes are suppressed. */
    public Instant closeInFlightUntil(String contractId) {
        PendingTarget target = positions.get(contractId);
        return target != null && target.target() == 0 ? target.expires() : null;
    }

    /**
     * While a flatten or a close of the contract is in flight: the instant both will have expired
     * (RULE-012 stays quiet until then); null when neither is.
     */
    public Instant closeOrFlattenInFlightUntil(String contractId) {
        Instant close = closeInFlightUntil(contractId);
        if (flattenExpires == null) {
            return close;
        }
        return close == null || flattenExpires.isAfter(close) ? flattenExpires : close;
    }

    public boolean flattenActive() {
        return flattenExpires != null;
    }

    public boolean cancelActive(long orderId) {
        return cancels.containsKey(orderId);
    }

    public PendingModify modify(long orderId) {
        return modifies.get(orderId);
    }

    public PendingBook withPosition(String contractId, long target, Instant expires) {
        Map<String, PendingTarget> p = new HashMap<>(positions);
        p.put(contractId, new PendingTarget(target, expires));
        return new PendingBook(p, flattenExpires, cancels, modifies);
    }

    public PendingBook withFlatten(Instant expires) {
        return new PendingBook(positions, expires, cancels, modifies);
    }

    public PendingBook withCancel(long orderId, Instant expires) {
        Map<Long, Instant> c = new HashMap<>(cancels);
        c.put(orderId, expires);
        return new PendingBook(positions, flattenExpires, c, modifies);
    }

    public PendingBook withModify(long orderId, BigDecimal stopPrice, Instant expires) {
        Map<Long, PendingModify> m = new HashMap<>(modifies);
        m.put(orderId, new PendingModify(stopPrice, expires));
        return new PendingBook(positions, flattenExpires, cancels, m);
    }

    /** A position event for the contract answers its pending close/reduction and any pending flatten. */
    public PendingBook answeredByPositionEvent(String contractId) {
        if (!positions.containsKey(contractId) && flattenExpires == null) {
            return this;
        }
        Map<String, PendingTarget> p = new HashMap<>(positions);
        p.remove(contractId);
        return new PendingBook(p, null, cancels, modifies);
    }

    /** An order event answers the order's pending cancel and stop modification. */
    public PendingBook answeredByOrderEvent(long orderId) {
        if (!cancels.containsKey(orderId) && !modifies.containsKey(orderId)) {
            return this;
        }
        Map<Long, Instant> c = new HashMap<>(cancels);
        c.remove(orderId);
        Map<Long, PendingModify> m = new HashMap<>(modifies);
        m.remove(orderId);
        return new PendingBook(positions, flattenExpires, c, m);
    }
}
