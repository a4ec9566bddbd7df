package io.riskguard.job.cli;

/** A user error (bad usage, bad configuration, unreadable input): one message on stderr, exit status 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
