package io.riskguard.job.model;

import io.riskguard.contract.Action;

/**
 * An action with its place in the account's decision order: triggers at one instant run timers
 * first ({@code phase} 0, seq 0), then events in replay order ({@code phase} 1, their seq); within a
 * trigger, actions keep their index. Files sort by ts, accountId, then this order.
 */
public record DecidedAction(Action action, int phase, long seq, int index) {

    public static final int TIMER = 0;
    public static final int EVENT = 1;
}
