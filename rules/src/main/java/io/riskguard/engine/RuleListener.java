package io.riskguard.engine;

import io.riskguard.contract.DecisionCause;

/**
 * Told which rules each trigger evaluated and which of them breached (proposed at least one action
 * before merging): what the job's per-rule metrics count. Implementations must be cheap.
 */
public interface RuleListener {

    RuleListener NONE = new RuleListener() {};

    default void evaluated(int rule) {}

    default void breached(int rule) {}

    /** Once per trigger for each (rule, cause) among the breach's proposals. */
    default void breached(int rule, DecisionCause cause) {}
}
