package io.riskguard.job.pipeline;

import io.riskguard.job.control.ControlVerifier;
import io.riskguard.job.kafka.KafkaIo;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.Heartbeat;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.AuditSinks;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.riskguard.job.model.AccountInput;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The production job (`run`): events and quotes from Kafka, config updates from the control topic
 * (verified, then broadcast), actions to Kafka (exactly once), the broker gateway and PostgreSQL,
 * dead letters to Kafka. Every source and sink has a fixed uid (in {@link RiskState}), so savepoints
 * carry over upgrades.
 */
public final class RunJob {

    /**
     * @param heartbeat how often a clock record moves event time on when the market is quiet, so
     *     lock expiries fire on time; null for none (a replay into Kafka of recorded events)
     */
    public record Settings(String configYaml, String configName, int configVersion, KafkaSettings kafka,
            GatewaySettings gateway, JdbcSettings database, Ordering ordering, Duration outOfOrderness,
            Duration idleness, Duration heartbeat) {}

    private RunJob() {}

    public static void build(StreamExecutionEnvironment env, Settings s) {
        build(env, s, UnaryOperator.identity());
    }

    /** @param beforeAccountRisk lets tests put a probe in front of AccountRisk */
    public static void build(StreamExecutionEnvironment env, Settings s,
            UnaryOperator<DataStream<AccountInput>> beforeAccountRisk) {
        WatermarkStrategy<SourceRecord> watermarks = WatermarkStrategy
                .<SourceRecord>forBoundedOutOfOrderness(s.outOfOrderness())
                .withTimestampAssigner((r, previous) -> r.evalTs() == null ? Long.MIN_VALUE : r.evalTs().toEpochMilli())
                .withIdleness(s.idleness());
        DataStream<SourceRecord> input = env.fromSource(KafkaIo.events(s.kafka()), watermarks, "Kafka events")
                .uid(RiskState.UID_KAFKA_EVENTS)
                .union(env.fromSource(KafkaIo.quotes(s.kafka()), watermarks, "Kafka quotes")
                        .uid(RiskState.UID_KAFKA_QUOTES));
        if (s.heartbeat() != null) {
            input = input.union(env.fromSource(Heartbeat.source(s.heartbeat()), Heartbeat.watermarks(),
                    "Heartbeat").uid(RiskState.UID_HEARTBEAT).setParallelism(1));
        }

        SingleOutputStreamOperator<ControlMessage> configUpdates = env
                .fromSource(KafkaIo.control(s.kafka()), ControlWatermarks.strategy(), "Kafka control")
                .uid(RiskState.UID_KAFKA_CONTROL).setParallelism(1)
                .keyBy(r -> ControlVerifier.KEY, BasicTypeInfo.STRING_TYPE_INFO)
                .process(new ControlVerifier(s.configVersion(), RiskState.CONTROL_DEAD_LETTERS,
                        RiskState.CONFIG_AUDIT), Types.CONTROL)
                .uid(RiskState.UID_CONTROL_VERIFIER).name("Verify config updates").setParallelism(1);

        RiskguardPipeline.Streams streams = RiskguardPipeline.build(input,
                new RiskguardPipeline.Options(s.configYaml(), s.configName(), s.ordering(), beforeAccountRisk),
                configUpdates);

        EnforcementSinks.attach(streams.actions(), s.gateway(), s.database());
        streams.actions().map(d -> d.action(), Types.ACTION).uid(RiskState.UID_ACTIONS_FOR_KAFKA).name("Actions")
                .sinkTo(KafkaIo.actions(s.kafka())).uid(RiskState.UID_KAFKA_ACTIONS).name("Kafka actions");
        streams.deadLetters().union(configUpdates.getSideOutput(RiskState.CONTROL_DEAD_LETTERS))
                .sinkTo(KafkaIo.deadLetters(s.kafka())).uid(RiskState.UID_KAFKA_DEAD_LETTERS)
                .name("Kafka dead letters");
        if (s.database() != null) {
            configUpdates.getSideOutput(RiskState.CONFIG_AUDIT).sinkTo(AuditSinks.configAudit(s.database()))
                    .uid(RiskState.UID_CONFIG_AUDIT).name("Config audit (PostgreSQL)");
        }
    }

}
