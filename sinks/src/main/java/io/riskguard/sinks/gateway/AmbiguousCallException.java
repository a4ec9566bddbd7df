package io.riskguard.sinks.gateway;

/** A non-idempotent call got no clear answer: the broker may or may not have applied it. */
final class AmbiguousCallException extends Exception {
    private static final long serialVersionUID = 1L;

    AmbiguousCallException(String endpoint) {
        super(endpoint + " got no clear answer", null, false, false);
    }
}
