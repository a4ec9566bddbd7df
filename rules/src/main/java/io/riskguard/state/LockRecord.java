package io.riskguard.state;

import java.time.Instant;

/** One lock rule's record. {@code until} null: active until its rule ends it (RULE-010). */
public record LockRecord(int rule, Instant until) {

    /** Active from its start until {@code until}, exclusive. */
    public boolean activeAt(Instant t) {
        return until == null || t.isBefore(until);
    }

    /** Null sorts last: "until the condition clears" outlasts every instant. */
    public boolean endsAfter(LockRecord other) {
        if (until == null || other.until == null) {
            return until == null && other.until != null;
        }
        return until.isAfter(other.until);
    }
}
