package io.riskguard.job.operators;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.engine.RuleListener;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * AccountRisk's metrics (web UI and reporters): triggers, quote deliveries (and those skipped because
 * the quote was inside the holder's quiet band), rule evaluations and breaches per rule,
 * actions per kind, accounts locked on this subtask, the decision latency (wall clock from the
 * event's time to its decision; meaningful live, where event time is wall time), and the
 * write-behind passes of account state (accounts written, the longest pass: it runs in the
 * checkpoint's synchronous part).
 */
final class RiskMetrics implements RuleListener {

    private final Counter triggers;
    private final Counter quoteDeliveries;
    private final Counter quoteDeliveriesSkipped;
    private final Counter[] evaluations = new Counter[14];
    private final Counter[] breaches = new Counter[14];
    @SuppressWarnings("unchecked")
    private final CountersByCause<DecisionCause>[] causeBreaches = new CountersByCause[14];
    private final Map<ActionKind, Counter> actions = new EnumMap<>(ActionKind.class);
    private final Histogram decisionLatencyMillis;
    private final Counter stateWrites;
    private final LockedAccounts lockedAccounts;
    private long stateWriteLastMillis;
    private long stateWriteMaxMillis;
    private long snapshotLastMillis;
    private long snapshotMaxMillis;

    /** @param lockedAccounts the subtask's locked accounts, which the {@code lockedAccounts} gauge reports */
    RiskMetrics(MetricGroup group, LockedAccounts lockedAccounts) {
        this.lockedAccounts = lockedAccounts;
        triggers = group.counter("triggers");
        quoteDeliveries = group.counter("quoteDeliveries");
        quoteDeliveriesSkipped = group.counter("quoteDeliveriesSkipped");
        for (int rule = 1; rule <= 13; rule++) {
            MetricGroup r = group.addGroup("rule", Action.ruleId(rule));
            evaluations[rule] = r.counter("evaluations");
            breaches[rule] = r.counter("breaches");
            causeBreaches[rule] = new CountersByCause<>(r, "breaches", DecisionCause.class, DecisionCause::label);
        }
        for (ActionKind kind : ActionKind.values()) {
            actions.put(kind, group.addGroup("kind", kind.name()).counter("actions"));
        }
        decisionLatencyMillis = group.histogram("decisionLatencyMillis", new DescriptiveStatisticsHistogram(10_000));
        group.gauge("lockedAccounts", (Gauge<Long>) this::lockedAccounts);
        stateWrites = group.counter("accountStateWrites");
        group.gauge("accountStateWriteLastMillis", (Gauge<Long>) () -> stateWriteLastMillis);
        group.gauge("accountStateWriteMaxMillis", (Gauge<Long>) () -> stateWriteMaxMillis);
        group.gauge("snapshotStateLastMillis", (Gauge<Long>) () -> snapshotLastMillis);
        group.gauge("snapshotStateMaxMillis", (Gauge<Long>) () -> snapshotMaxMillis);
    }

    /**
     * The operator's own part of a checkpoint's synchronous phase (state written behind, buffers,
     * quote book) took {@code nanos}; the state backend's part comes after it.
     */
    void snapshotTaken(long nanos) {
        long millis = nanos / 1_000_000;
        snapshotLastMillis = millis;
        snapshotMaxMillis = Math.max(snapshotMaxMillis, millis);
    }

    /** A write-behind pass wrote {@code accounts} accounts' changes in {@code nanos}. */
    void stateWritten(int accounts, long nanos) {
        long millis = nanos / 1_000_000;
        stateWrites.inc(accounts);
        stateWriteLastMillis = millis;
        stateWriteMaxMillis = Math.max(stateWriteMaxMillis, millis);
    }

    void trigger() {
        triggers.inc();
    }

    /**
     * A quote reached {@code delivered} accounts of this subtask: the full fan-out of RULES.md §1.3
     * would have triggered each of its {@code holders}; the rest were inside their quiet bands.
     */
    void quote(int holders, int delivered) {
        quoteDeliveries.inc(delivered);
        quoteDeliveriesSkipped.inc(Math.max(0, holders - delivered));
    }

    long quoteDeliveries() {
        return quoteDeliveries.getCount();
    }

    long quoteDeliveriesSkipped() {
        return quoteDeliveriesSkipped.getCount();
    }

    void action(Action a) {
        actions.get(a.kind()).inc();
    }

    void decided(long latencyMillis) {
        decisionLatencyMillis.update(latencyMillis);
    }

    /** The {@code lockedAccounts} gauge: accounts locked on this subtask. */
    long lockedAccounts() {
        return lockedAccounts.count();
    }

    @Override
    public void evaluated(int rule) {
        evaluations[rule].inc();
    }

    @Override
    public void breached(int rule) {
        breaches[rule].inc();
    }

    /** {@code rule.<id>.cause.<cause>.breaches}, registered on a (rule, cause)'s first breach. */
    @Override
    public void breached(int rule, DecisionCause cause) {
        causeBreaches[rule].inc(cause);
    }
}
