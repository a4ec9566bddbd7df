package io.riskguard.contract;

import java.util.Objects;

/**
 * A record for the dead-letter output: rejected input (with the reason it was refused) or a warning
 * about accepted input (RULES.md §1.2). {@code raw} is the original line, verbatim. {@code cause} is
 * the typed reason; it is not part of the dead-letter JSON.
 */
public record DeadLetter(Kind kind, InputCause cause, String reason, String raw) {

    public enum Kind {
        REJECTED, WARNING;

        public String wireName() {
            return this == REJECTED ? "rejected" : "warning";
        }
    }

    public DeadLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }

    public static DeadLetter rejected(InputCause cause, String reason, String raw) {
        return new DeadLetter(Kind.REJECTED, cause, reason, raw);
    }

    public static DeadLetter warning(InputCause cause, String reason, String raw) {
        return new DeadLetter(Kind.WARNING, cause, reason, raw);
    }
}
