package io.riskguard.job.model;

import java.time.Instant;

/**
 * Broadcast to every AccountRisk subtask. Today one kind: the end of a replay's input, carrying the
 * instant at which event time ends (CONTRACT.md §4: timers due after it must not fire).
 */
public record ControlMessage(Instant replayHorizon) {}
