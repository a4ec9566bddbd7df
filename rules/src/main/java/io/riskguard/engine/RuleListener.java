package io.riskguard.engine;

/**
 * Told which rules each trigger evaluated and which of them breached (proposed at least one action
 * before merging): what the job's per-rule metrics count. Implementations must be cheap.
 */
public interface RuleListener {

    RuleListener NONE = new RuleListener() {};

    default void evaluated(int rule) {}

    default void breached(int rule) {}
}
