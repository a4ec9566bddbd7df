package io.riskguard.contract;

/** Thrown by {@link EventCodec} when a line is not acceptable input; {@link #reason()} goes to the dead letters. */
public final class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedInputException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
