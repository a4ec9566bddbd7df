package io.riskguard.job.pipeline;

import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ContractInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.AccountRisk;
import io.riskguard.job.operators.MarkToMarket;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.operators.RouteEvents;
import io.riskguard.job.operators.TriggerObserver;
import io.riskguard.job.serde.Types;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The job graph from parsed source records to actions and dead letters: route → MarkToMarket
 * (keyed by contract: merges quotes) → broadcast, with the control messages, to AccountRisk (keyed
 * by account: each subtask delivers a quote only to its holders whose quiet band it leaves; the
 * account's own events come straight from the route). Operator uids are fixed (in {@link RiskState}):
 * savepoints map state by them.
 */
public final class RiskguardPipeline {

    /** The job's two outputs. */
    public record Streams(DataStream<DecidedAction> actions, DataStream<DeadLetterRecord> deadLetters) {}

    /**
     * Settings of the graph. {@code sourceOrdered}: the source emits one sequence already in (ts, seq)
     * order at parallelism 1 (a replay), so MarkToMarket needs no buffering to see a contract's
     * quotes and position events in order; {@code beforeAccountRisk} lets tests put a probe in front
     * of AccountRisk.
     */
    public record Options(String configYaml, String configName, Ordering ordering, boolean sourceOrdered,
            UnaryOperator<DataStream<AccountInput>> beforeAccountRisk, TriggerObserver observer) {

        public Options(String configYaml, String configName, Ordering ordering) {
            this(configYaml, configName, ordering, false, UnaryOperator.identity(), null);
        }

        public Options(String configYaml, String configName, Ordering ordering,
                UnaryOperator<DataStream<AccountInput>> beforeAccountRisk) {
            this(configYaml, configName, ordering, false, beforeAccountRisk, null);
        }

        /** A replay's options: one ordered source. */
        public static Options replay(String configYaml, String configName) {
            return new Options(configYaml, configName, Ordering.EVENT_TIME, true, UnaryOperator.identity(), null);
        }

        public Options withProbe(UnaryOperator<DataStream<AccountInput>> probe) {
            return new Options(configYaml, configName, ordering, sourceOrdered, probe, observer);
        }

        /** Benchmarks: AccountRisk tells {@code o} when it is done with each input record. */
        public Options withObserver(TriggerObserver o) {
            return new Options(configYaml, configName, ordering, sourceOrdered, beforeAccountRisk, o);
        }

        Ordering contractOrdering() {
            return ordering == Ordering.EVENT_TIME && !sourceOrdered ? Ordering.EVENT_TIME : Ordering.ARRIVAL;
        }
    }

    private RiskguardPipeline() {}

    public static Streams build(DataStream<SourceRecord> source, Options options) {
        return build(source, options, null);
    }

    /** @param configUpdates verified configuration updates to broadcast with the rest of the control, or null */
    public static Streams build(DataStream<SourceRecord> source, Options options,
            DataStream<ControlMessage> configUpdates) {
        // Routing runs chained to the source, at its parallelism: a rebalance here would reorder a
        // contract's quotes and position events on their way to MarkToMarket.
        SingleOutputStreamOperator<AccountInput> routed = source
                .process(new RouteEvents(), Types.ACCOUNT_INPUT)
                .setParallelism(source.getParallelism())
                .uid(RiskState.UID_ROUTE).name("Route events");

        SingleOutputStreamOperator<MarketInput> quotes = routed.getSideOutput(RiskState.CONTRACT_INPUTS)
                .keyBy(ContractInput::contractId, BasicTypeInfo.STRING_TYPE_INFO)
                .transform("MarkToMarket", Types.MARKET_INPUT, new MarkToMarket(options.contractOrdering()))
                .uid(RiskState.UID_MARK_TO_MARKET).name("MarkToMarket");

        DataStream<ControlMessage> controlMessages = routed.getSideOutput(RiskState.CONTROL);
        if (configUpdates != null) {
            controlMessages = controlMessages.union(configUpdates);
        }
        // every AccountRisk subtask sees every merged quote and every control message
        DataStream<MarketInput> market = quotes.union(controlMessages
                .map(MarketInput::control, Types.MARKET_INPUT).uid(RiskState.UID_CONTROL_TO_MARKET).name("Control"))
                .broadcast();

        DataStream<AccountInput> accountInputs = options.beforeAccountRisk()
                .apply(routed.union(quotes.getSideOutput(RiskState.BUFFERED_POSITIONS)));
        SingleOutputStreamOperator<DecidedAction> actions = accountInputs
                .keyBy(AccountInput::accountId, BasicTypeInfo.LONG_TYPE_INFO)
                .connect(market)
                .transform("AccountRisk", Types.DECIDED_ACTION,
                        new AccountRisk(options.configYaml(), options.configName(), options.ordering(),
                                options.observer()))
                .uid(RiskState.UID_ACCOUNT_RISK).name("AccountRisk");

        DataStream<DeadLetterRecord> deadLetters = routed.getSideOutput(RiskState.DEAD_LETTERS)
                .union(actions.getSideOutput(RiskState.DEAD_LETTERS));
        return new Streams(actions, deadLetters);
    }
}
