package io.riskguard.job.operators;

/**
 * How AccountRisk orders an account's triggers. {@link #EVENT_TIME}: buffer them and apply them in
 * (ts, seq) order as the watermark passes — deterministic, for replays. {@link #ARRIVAL}: apply
 * each as it arrives, a late one at the account's current event time (RULES.md §1.3) — no
 * watermark delay on decisions, for live trading.
 */
public enum Ordering {
    EVENT_TIME,
    ARRIVAL
}
