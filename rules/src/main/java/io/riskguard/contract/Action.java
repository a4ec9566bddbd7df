package io.riskguard.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One enforcement decision (CONTRACT.md §2, RULES.md §1.10). Fields that a kind does not use are
 * null: {@code until} (LOCK only; null there means "until the condition clears"),
 * {@code contractId} (CLOSE_POSITION, REDUCE_POSITION, CANCEL_ORDER, MODIFY_STOP), {@code size}
 * (REDUCE_POSITION), {@code orderId} (CANCEL_ORDER, MODIFY_STOP), {@code stopPrice} (MODIFY_STOP).
 * {@code cause} is the typed reason; it is not part of the action JSON.
 */
public record Action(
        String id,
        Instant ts,
        long accountId,
        int rule,
        ActionKind kind,
        Instant until,
        String contractId,
        Long size,
        Long orderId,
        BigDecimal stopPrice,
        String reason,
        int configVersion,
        DecisionCause cause) {

    public Action {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
        if (rule < 1 || rule > 13) {
            throw new IllegalArgumentException("rule must be 1..13: " + rule);
        }
    }

    /** {@code RULE-001} ... {@code RULE-013}. */
    public String ruleId() {
        return ruleId(rule);
    }

    public static String ruleId(int rule) {
        return rule < 10 ? "RULE-00" + rule : "RULE-0" + rule;
    }
}
