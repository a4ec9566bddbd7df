package io.riskguard.contract;

import java.util.Objects;

/**
 * A record for the dead-letter output: rejected input (with the reason it was refused) or a warning
 * about accepted input (RULES.md §1.2). {@code raw} is the original line, verbatim.
 */
public record DeadLetter(Kind kind, String reason, String raw) {

    public enum Kind {
        REJECTED, WARNING;

        public String wireName() {
            return this == REJECTED ? "rejected" : "warning";
        }
    }

    public DeadLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }

    public static DeadLetter rejected(String reason, String raw) {
        return new DeadLetter(Kind.REJECTED, reason, raw);
    }

    public static DeadLetter warning(String reason, String raw) {
        return new DeadLetter(Kind.WARNING, reason, raw);
    }
}
