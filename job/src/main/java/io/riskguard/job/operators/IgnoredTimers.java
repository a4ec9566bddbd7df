package io.riskguard.job.operators;

import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.Triggerable;

/**
 * The previous release registered a Flink timer for each buffered millisecond (and AccountRisk for
 * each engine timer); both are now found from state, so a savepoint's timers are let run out.
 */
final class IgnoredTimers<K> implements Triggerable<K, VoidNamespace> {

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) {}

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {}
}
