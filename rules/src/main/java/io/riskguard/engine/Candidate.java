package io.riskguard.engine;

import io.riskguard.contract.ActionKind;
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
        String reason) {

    static Candidate lock(int rule, Instant until, String reason) {
        return new Candidate(rule, ActionKind.LOCK, null, null, null, 0, until, null, reason);
    }

    static Candidate unlock(int rule, String reason) {
        return new Candidate(rule, ActionKind.UNLOCK, null, null, null, 0, null, null, reason);
    }

    static Candidate flatten(int rule, String reason) {
        return new Candidate(rule, ActionKind.FLATTEN, null, null, null, 0, null, null, reason);
    }

    static Candidate close(int rule, String contractId, String reason) {
        return new Candidate(rule, ActionKind.CLOSE_POSITION, contractId, null, null, 0, null, null, reason);
    }

    static Candidate reduce(int rule, String contractId, long size, long target, String reason) {
        return new Candidate(rule, ActionKind.REDUCE_POSITION, contractId, null, size, target, null, null, reason);
    }

    static Candidate cancel(int rule, long orderId, String contractId, String reason) {
        return new Candidate(rule, ActionKind.CANCEL_ORDER, contractId, orderId, null, 0, null, null, reason);
    }

    static Candidate modifyStop(int rule, long orderId, String contractId, BigDecimal stopPrice, String reason) {
        return new Candidate(rule, ActionKind.MODIFY_STOP, contractId, orderId, null, 0, null, stopPrice, reason);
    }

    boolean is(ActionKind k) {
        return kind == k;
    }
}
