package io.riskguard.engine;

import io.riskguard.calendar.SessionCalendar;
import io.riskguard.state.LockRecord;
import io.riskguard.state.PositionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which wake-up instants the account needs, derived from its state: lock expiries, armed RULE-008
 * deadlines, the next session-end check while anything is open or working, and trade-memory
 * expiry. Diffed against what is registered so lapsed timers are deleted rather than left behind.
 */
final class TimerPlanner {

    record Plan(Set<Instant> scheduled, List<Instant> toSet, List<Instant> toCancel) {}

    /**
     * @param fired the timer instant being processed (no longer registered), or null for an event
     */
    Plan plan(TriggerContext ctx, Instant fired) {
        Set<Instant> registered = ctx.state().timers().scheduled();
        if (fired == null && !ctx.structureChanged()) {
            return new Plan(registered, List.of(), List.of());
        }
        Set<Instant> desired = desired(ctx);
        List<Instant> toSet = new ArrayList<>();
        for (Instant i : desired) {
            if (!registered.contains(i)) {
                toSet.add(i);
            }
        }
        List<Instant> toCancel = new ArrayList<>();
        for (Instant i : new TreeSet<>(registered)) {
            if (!desired.contains(i) && !i.equals(fired)) {
                toCancel.add(i);
            }
        }
        return new Plan(desired, toSet, toCancel);
    }

    private static Set<Instant> desired(TriggerContext ctx) {
        Instant t = ctx.t();
        Set<Instant> desired = new TreeSet<>();
        for (LockRecord lock : ctx.locks().records()) {
            if (lock.until() != null && lock.until().isAfter(t)) {
                desired.add(lock.until());
            }
        }
        for (PositionState p : ctx.openPositions()) {
            if (p.graceDue() != null && p.graceDue().isAfter(t)) {
                desired.add(p.graceDue());
            }
        }
        SessionCalendar session = ctx.config().session();
        if (session != null && (!ctx.openPositions().isEmpty() || !ctx.workingOrders().isEmpty())) {
            desired.add(session.nextCloseCheck(t));
        }
        Instant housekeeping = Housekeeping.dueAt(ctx.config().trading(), ctx.state().day());
        if (housekeeping != null && housekeeping.isAfter(t)) {
            desired.add(housekeeping);
        }
        return desired;
    }
}
