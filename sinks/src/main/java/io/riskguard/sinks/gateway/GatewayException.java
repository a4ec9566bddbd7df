package io.riskguard.sinks.gateway;

/** The gateway answered in a way retrying cannot fix (an HTTP 4xx other than 401/429): a bug on one side. */
public final class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    public GatewayException(String message) {
        super(message);
    }
}
