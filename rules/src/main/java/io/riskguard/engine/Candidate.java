package io.riskguard.engine;

import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An action a rule (or lock enforcement) proposes in one trigger, before merging and suppression
 * (RULES.md §1.9). {@code target} is the position size a CLOSE (0) or REDUCE would leave.
 */
record Candidate(
        int rule,
        ActionKind kind,
        String contractId,
        Long orderId,
        Long size,
        long target,
        Instant until,
        BigDecimal stopPrice,
        DecisionCause cause,
        String reason) {

    static Candidate lock(int rule, Instant until, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.LOCK, null, null, null, 0, until, null, cause, reason);
    }

    static Candidate unlock(int rule, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.UNLOCK, null, null, null, 0, null, null, cause, reason);
    }

    static Candidate flatten(int rule, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.FLATTEN, null, null, null, 0, null, null, cause, reason);
    }

    static Candidate close(int rule, String contractId, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.CLOSE_POSITION, contractId, null, null, 0, null, null, cause, reason);
    }

    static Candidate reduce(int rule, String contractId, long size, long target, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.REDUCE_POSITION, contractId, null, size, target, null, null, cause, reason);
    }

    static Candidate cancel(int rule, long orderId, String contractId, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.CANCEL_ORDER, contractId, orderId, null, 0, null, null, cause, reason);
    }

    static Candidate modifyStop(int rule, long orderId, String contractId, BigDecimal stopPrice, DecisionCause cause, String reason) {
        return new Candidate(rule, ActionKind.MODIFY_STOP, contractId, orderId, null, 0, null, stopPrice, cause, reason);
    }

    boolean is(ActionKind k) {
        return kind == k;
    }
}
