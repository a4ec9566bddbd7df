package io.riskguard.sinks.gateway.sim;

/** A failed hub method invocation: its message goes to the caller in the completion's {@code error}. */
final class HubException extends RuntimeException {

    HubException(String message) {
        super(message, null, false, false);
    }
}
