package io.riskguard.bench.job;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.AccountRisk;
import io.riskguard.job.operators.MarkToMarket;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.operators.RouteEvents;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.serde.Types;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
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
     * The same graph, operator for operator (RiskguardPipeline.build as of this writing), with
     * AccountRisk called through {@link TimedAccountRisk} to time every trigger.
     */
    static void timedRiskguard(DataStream<SourceRecord> source, String yaml, String configName, Ordering ordering) {
        SingleOutputStreamOperator<AccountInput> routed = source
                .process(new RouteEvents(), Types.ACCOUNT_INPUT)
                .setParallelism(source.getParallelism())
                .uid(RiskguardPipeline.UID_ROUTE).name("Route events");
        DataStream<ContractInput> contractInputs = routed.getSideOutput(RiskState.CONTRACT_INPUTS);
        SingleOutputStreamOperator<AccountInput> marks = contractInputs
                .keyBy(ContractInput::contractId, BasicTypeInfo.STRING_TYPE_INFO)
                .process(new MarkToMarket(), Types.ACCOUNT_INPUT)
                .uid(RiskguardPipeline.UID_MARK_TO_MARKET).name("MarkToMarket");
        BroadcastStream<ControlMessage> control = routed.getSideOutput(RiskState.CONTROL)
                .broadcast(RiskState.CONTROL_STATE);
        SingleOutputStreamOperator<DecidedAction> actions = routed.union(marks)
                .keyBy(AccountInput::accountId, BasicTypeInfo.LONG_TYPE_INFO)
                .connect(control)
                .process(new TimedAccountRisk(new AccountRisk(yaml, configName, ordering), ordering),
                        Types.DECIDED_ACTION)
                .uid(RiskguardPipeline.UID_ACCOUNT_RISK).name("AccountRisk");
        actions.sinkTo(new TimedDiscardingSink<>()).name("Discard actions");
        routed.getSideOutput(RiskState.DEAD_LETTERS).union(actions.getSideOutput(RiskState.DEAD_LETTERS))
                .sinkTo(new TimedDiscardingSink<>()).name("Discard dead letters");
    }

    /**
     * Diagnostic: the job's routing and MarkToMarket fan-out (its own operators), keyed by account
     * like AccountRisk's input, into the minimal stateful function instead of AccountRisk: what
     * the job's topology costs before any rule runs.
     */
    static void fanOut(DataStream<SourceRecord> source) {
        SingleOutputStreamOperator<AccountInput> routed = source
                .process(new RouteEvents(), Types.ACCOUNT_INPUT)
                .setParallelism(source.getParallelism())
                .uid(RiskguardPipeline.UID_ROUTE).name("Route events");
        SingleOutputStreamOperator<AccountInput> marks = routed.getSideOutput(RiskState.CONTRACT_INPUTS)
                .keyBy(ContractInput::contractId, BasicTypeInfo.STRING_TYPE_INFO)
                .process(new MarkToMarket(), Types.ACCOUNT_INPUT)
                .uid(RiskguardPipeline.UID_MARK_TO_MARKET).name("MarkToMarket");
        routed.union(marks)
                .keyBy(AccountInput::accountId, BasicTypeInfo.LONG_TYPE_INFO)
                .process(new Baselines.MinimalState(), Types.ACCOUNT_INPUT).name("MinimalState")
                .sinkTo(new TimedDiscardingSink<>()).name("Discard");
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
