package io.riskguard.job.operators;

import java.io.Serializable;
import java.time.Instant;

/**
 * Told when AccountRisk has finished with an input record (an account event, or a quote with all
 * its deliveries), with the record's evaluation time: how a benchmark measures decision latency per
 * record. Called on the task thread; implementations must be cheap.
 */
@FunctionalInterface
public interface TriggerObserver extends Serializable {

    void applied(Instant evalTs);
}
