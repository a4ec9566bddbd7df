package io.riskguard.contract;

/** What the broker sink does with an action (CONTRACT.md §2). */
public enum ActionKind {
    LOCK,
    UNLOCK,
    FLATTEN,
    CLOSE_POSITION,
    REDUCE_POSITION,
    CANCEL_ORDER,
    MODIFY_STOP
}
