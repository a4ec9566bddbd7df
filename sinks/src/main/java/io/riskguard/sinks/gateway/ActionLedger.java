package io.riskguard.sinks.gateway;

import io.riskguard.contract.Action;

/**
 * The broker sink's memory of what it sent, so an action replayed after a restore reaches the
 * broker once. An action is claimed before its first broker call and finished after the broker's
 * answer; a claim found unfinished means a previous attempt died mid-call (in doubt).
 */
public interface ActionLedger extends AutoCloseable {

    enum Status { NEW, DONE, IN_DOUBT }

    /** Result of a claim; {@code observedSize} is what a REDUCE saw before its call, if recorded. */
    record Claim(Status status, Long observedSize) {}

    Claim claim(Action action) throws Exception;

    /** REDUCE_POSITION: the position size seen right before the partial close was sent. */
    void recordObservedSize(String actionId, long size) throws Exception;

    void finish(String actionId, boolean success, Integer errorCode, String errorMessage) throws Exception;

    @Override
    default void close() throws Exception {}
}
