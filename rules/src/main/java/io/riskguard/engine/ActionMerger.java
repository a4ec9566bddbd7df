package io.riskguard.engine;

import io.riskguard.contract.ActionKind;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one trigger's candidates into the emitted actions (RULES.md §1.9): one FLATTEN replacing
 * everything it covers, one position action per contract, one cancel per order, stop
 * modifications that do not fight a close, cancel or lock; suppression of enforcement already in
 * flight (§1.7); the normative emission order; and the pending records for what was emitted.
 */
final class ActionMerger {

    static final long PENDING_SECONDS = 10;

    private static final Comparator<Candidate> LOCKS_ORDER = Comparator.comparingInt(Candidate::rule)
            .thenComparing(c -> c.kind() == ActionKind.LOCK);
    private static final Comparator<Candidate> POSITION_ORDER =
            Comparator.comparingInt(Candidate::rule).thenComparing(Candidate::contractId);
    private static final Comparator<Candidate> CANCEL_ORDER =
            Comparator.comparingInt(Candidate::rule).thenComparing(Candidate::orderId);

    List<Candidate> merge(TriggerContext ctx) {
        List<Candidate> candidates = ctx.candidates();
        if (candidates.isEmpty()) {
            return List.of();
        }
        PendingBook pending = ctx.pending();
        List<Candidate> out = new ArrayList<>(candidates.size());
        Candidate flatten = null;
        boolean emitsLock = false;
        for (Candidate c : candidates) {
            if (c.is(ActionKind.LOCK) || c.is(ActionKind.UNLOCK)) {
                out.add(c);
                emitsLock |= c.is(ActionKind.LOCK);
            } else if (c.is(ActionKind.FLATTEN) && (flatten == null || c.rule() < flatten.rule())) {
                flatten = c;
            }
        }
        out.sort(LOCKS_ORDER);
        if (flatten != null) {
            if (!pending.flattenActive()) {
                out.add(flatten);
            }
        } else {
            Set<String> closedContracts = new HashSet<>();
            Set<Long> cancelledOrders = new HashSet<>();
            out.addAll(positionActions(candidates, pending, closedContracts));
            out.addAll(cancels(candidates, pending, cancelledOrders));
            out.addAll(stopModifications(candidates, closedContracts, cancelledOrders, emitsLock));
        }
        recordPending(ctx, out);
        return out;
    }

    /** Per contract: a close beats a reduction; closes by lowest rule; reductions by largest size, then rule. */
    private static List<Candidate> positionActions(List<Candidate> candidates, PendingBook pending,
            Set<String> closedContracts) {
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!c.is(ActionKind.CLOSE_POSITION) && !c.is(ActionKind.REDUCE_POSITION)) {
                continue;
            }
            if (c.is(ActionKind.CLOSE_POSITION)) {
                closedContracts.add(c.contractId());
            }
            chosen.merge(c.contractId(), c, ActionMerger::preferredPositionAction);
        }
        List<Candidate> out = new ArrayList<>(chosen.size());
        for (Candidate c : chosen.values()) {
            PendingBook.PendingTarget inFlight = pending.position(c.contractId());
            if (inFlight == null || c.target() < inFlight.target()) {
                out.add(c);
            }
        }
        out.sort(POSITION_ORDER);
        return out;
    }

    private static Candidate preferredPositionAction(Candidate a, Candidate b) {
        boolean aClose = a.is(ActionKind.CLOSE_POSITION);
        boolean bClose = b.is(ActionKind.CLOSE_POSITION);
        if (aClose != bClose) {
            return aClose ? a : b;
        }
        if (!aClose && !a.size().equals(b.size())) {
            return a.size() > b.size() ? a : b;
        }
        return b.rule() < a.rule() ? b : a;
    }

    private static List<Candidate> cancels(List<Candidate> candidates, PendingBook pending, Set<Long> cancelledOrders) {
        Map<Long, Candidate> chosen = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.is(ActionKind.CANCEL_ORDER)) {
                cancelledOrders.add(c.orderId());
                chosen.merge(c.orderId(), c, (a, b) -> b.rule() < a.rule() ? b : a);
            }
        }
        List<Candidate> out = new ArrayList<>(chosen.size());
        for (Candidate c : chosen.values()) {
            if (!pending.cancelActive(c.orderId())) {
                out.add(c);
            }
        }
        out.sort(CANCEL_ORDER);
        return out;
    }

    private static List<Candidate> stopModifications(List<Candidate> candidates, Set<String> closedContracts,
            Set<Long> cancelledOrders, boolean emitsLock) {
        if (emitsLock) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(1);
        for (Candidate c : candidates) {
            if (c.is(ActionKind.MODIFY_STOP) && !closedContracts.contains(c.contractId())
                    && !cancelledOrders.contains(c.orderId())) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Candidate::orderId));
        return out;
    }

    private static void recordPending(TriggerContext ctx, List<Candidate> emitted) {
        PendingBook pending = ctx.pending();
        Instant expires = ctx.t().plusSeconds(PENDING_SECONDS);
        for (Candidate c : emitted) {
            switch (c.kind()) {
                case FLATTEN -> {
                    for (PositionState p : ctx.openPositions()) {
                        pending = pending.withPosition(p.contractId(), 0, expires);
                    }
                    for (OrderState o : ctx.workingOrders()) {
                        pending = pending.withCancel(o.orderId(), expires);
                    }
                    pending = pending.withFlatten(expires);
                }
                case CLOSE_POSITION, REDUCE_POSITION -> pending = pending.withPosition(c.contractId(), c.target(), expires);
                case CANCEL_ORDER -> pending = pending.withCancel(c.orderId(), expires);
                case MODIFY_STOP -> pending = pending.withModify(c.orderId(), c.stopPrice(), expires);
                default -> { }
            }
        }
        ctx.setPending(pending);
    }
}
