package io.riskguard.contract;

import java.util.Objects;

/**
 * Thrown by {@link EventCodec} when a line is not acceptable input; {@link #reason()} and
 * {@link #cause()} go to the dead letters.
 */
public final class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final InputCause cause;

    public RejectedInputException(InputCause cause, String reason) {
        super(reason, null, false, false);
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    public String reason() {
        return getMessage();
    }

    /** The typed cause (not {@link Throwable#getCause()}, which is always null here). */
    public InputCause cause() {
        return cause;
    }
}
