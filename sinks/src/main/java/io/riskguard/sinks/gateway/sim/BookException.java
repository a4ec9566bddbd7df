package io.riskguard.sinks.gateway.sim;

/** A business failure of the book: answered with HTTP 200, {@code success: false} and this error code. */
final class BookException extends RuntimeException {

    static final int NOT_FOUND = 2;
    static final int INVALID_SIZE = 4;

    private final int errorCode;

    BookException(int errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }
}
