package io.riskguard.engine;

import io.riskguard.contract.Action;
import io.riskguard.contract.DecisionCause;
import io.riskguard.state.LockRecord;

/** At a timer instant, every lock record whose until has come ends with an UNLOCK (RULES.md §1.8). */
final class LockExpiry {

    void onTimer(TriggerContext ctx) {
        for (LockRecord record : ctx.locks().records()) {
            if (record.until() != null && !record.until().isAfter(ctx.t())) {
                ctx.endLock(record.rule(), DecisionCause.LOCK_EXPIRED,
                        "lock of " + Action.ruleId(record.rule()) + " ended at " + record.until());
            }
        }
    }
}
