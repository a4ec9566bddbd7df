package io.riskguard.bench.job;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.serde.Types;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The job graph the benchmarks run, with the discarding sink on both outputs. */
final class BenchPipeline {

    private BenchPipeline() {}

    /** The job's own graph ({@link RiskguardPipeline#build}), untouched. */
    static void riskguard(DataStream<SourceRecord> source, String yaml, String configName, Ordering ordering) {
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                new RiskguardPipeline.Options(yaml, configName, ordering));
        streams.actions().sinkTo(new TimedDiscardingSink<>()).name("Discard actions");
        streams.deadLetters().sinkTo(new TimedDiscardingSink<>()).name("Discard dead letters");
    }

    /**
     * The job's own graph, with AccountRisk telling {@link Latencies} when it is done with each input
     * record (an account event, or a quote with all its deliveries) and each action timed as it leaves.
     */
    static void timedRiskguard(DataStream<SourceRecord> source, String yaml, String configName, Ordering ordering) {
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                new RiskguardPipeline.Options(yaml, configName, ordering)
                        .withObserver(evalTs -> Latencies.record(Latencies.TRIGGER, evalTs)));
        streams.actions().map(BenchPipeline::stamp, Types.DECIDED_ACTION).name("Latency probe")
                .sinkTo(new TimedDiscardingSink<>()).name("Discard actions");
        streams.deadLetters().sinkTo(new TimedDiscardingSink<>()).name("Discard dead letters");
    }

    /** Live ordering: an action is decided when its record is applied, so its latency is from the action's ts. */
    static DecidedAction stamp(DecidedAction d) {
        Latencies.record(d.phase() == DecidedAction.EVENT ? Latencies.ACTION : Latencies.TIMER_ACTION, d.action().ts());
        return d;
    }

    /** Diagnostic: the source and the baselines' routing step alone, chained into the sink (no keyBy). */
    static void sourceOnly(DataStream<SourceRecord> source) {
        source.process(new Baselines.Route(), Types.ACCOUNT_INPUT)
                .setParallelism(source.getParallelism())
                .name("Route events")
                .sinkTo(new TimedDiscardingSink<>()).setParallelism(source.getParallelism()).name("Discard");
    }

    /** A baseline: the same source, a routing step chained to it, the same keyBy, the same sink. */
    static void baseline(DataStream<SourceRecord> source, boolean stateful) {
        SingleOutputStreamOperator<AccountInput> routed = source
                .process(new Baselines.Route(), Types.ACCOUNT_INPUT)
                .setParallelism(source.getParallelism())
                .name("Route events");
        var keyed = routed.keyBy(AccountInput::accountId, BasicTypeInfo.LONG_TYPE_INFO);
        SingleOutputStreamOperator<AccountInput> out = stateful
                ? keyed.process(new Baselines.MinimalState(), Types.ACCOUNT_INPUT).name("MinimalState")
                : keyed.process(new Baselines.PassThrough(), Types.ACCOUNT_INPUT).name("PassThrough");
        out.sinkTo(new TimedDiscardingSink<>()).name("Discard");
    }
}
