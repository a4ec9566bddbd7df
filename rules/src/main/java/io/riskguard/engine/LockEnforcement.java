package io.riskguard.engine;

import io.riskguard.contract.Action;
import io.riskguard.contract.DecisionCause;
import io.riskguard.state.LockRecord;
import io.riskguard.state.PositionState;

/**
 * While the account is locked (after due timers fired), new risk is undone (RULES.md §1.8): a
 * position opened, increased or flipped is closed; a new working order is cancelled unless it is a
 * qualifying stop of an open position. The action names the active lock with the latest until.
 */
final class LockEnforcement {

    void onPosition(TriggerContext ctx, PositionChange change) {
        if (!ctx.lockedAtStart() || !change.addsRisk()) {
            return;
        }
        LockRecord lock = ctx.locks().enforcing(ctx.t()).orElseThrow();
        ctx.close(lock.rule(), change.contractId(), DecisionCause.POSITION_WHILE_LOCKED,
                reason(lock, change.what()));
    }

    void onOrder(TriggerContext ctx, OrderChange change) {
        if (!ctx.lockedAtStart() || !change.newWorking()) {
            return;
        }
        PositionState position = ctx.position(change.current().contractId());
        if (position != null && TriggerContext.isQualifyingStop(change.current(), position)) {
            return;
        }
        LockRecord lock = ctx.locks().enforcing(ctx.t()).orElseThrow();
        ctx.cancel(lock.rule(), change.event().orderId(), change.event().contractId(), DecisionCause.ORDER_WHILE_LOCKED,
                reason(lock, change.what()));
    }

    private static String reason(LockRecord lock, String what) {
        String until = lock.until() == null ? "canTrade is true" : lock.until().toString();
        return "account locked by " + Action.ruleId(lock.rule()) + " until " + until + ": " + what;
    }
}
