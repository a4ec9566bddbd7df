package io.riskguard.job.model;

/** What a replay collects: an action or a dead letter (exactly one is set). */
public record ReplayOutput(DecidedAction action, DeadLetterRecord deadLetter) {

    public static ReplayOutput of(DecidedAction a) {
        return new ReplayOutput(a, null);
    }

    public static ReplayOutput of(DeadLetterRecord d) {
        return new ReplayOutput(null, d);
    }
}
