package io.riskguard.job.local;

import io.riskguard.contract.ActionJson;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.pipeline.EnforcementSinks;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.job.source.SimulatedLiveSource;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;

/**
 * {@code local}: the job on an in-process MiniCluster with the Flink web UI, fed by a recorded day
 * at an accelerated pace (replay ordering) or an endless simulated market (live ordering), with
 * actions printed as they are decided, sent to an in-process broker gateway simulator and recorded
 * in an embedded PostgreSQL. Nothing to install.
 */
public final class LocalRunner {

    /** Either {@code events} (paced at {@code speed}) or a generator of {@code accounts} at {@code rate}. */
    public record Request(String configYaml, String configName, List<Path> events, double speed, int accounts,
            double rate, long seed, int port, int parallelism) {}

    private LocalRunner() {}

    public static void run(Request r) throws Exception {
        Path work = Files.createTempDirectory("riskguard-local");
        try (GatewaySimulator gateway = GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0));
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcSettings database = new JdbcSettings(postgres.getJdbcUrl("postgres", "postgres"));
            DatabaseMigrations.migrate(database);
            System.err.printf("riskguard local: broker gateway simulator on %s (its calls: %s/sim/calls), "
                    + "PostgreSQL on %s (see the view locked_accounts_now)%n", gateway.baseUri(), gateway.baseUri(),
                    database.url());
            run(r, work, GatewaySettings.defaults(gateway.baseUri(), database).withDemoCredentials(), database);
        }
    }

    private static void run(Request r, Path work, GatewaySettings gateway, JdbcSettings database) throws Exception {
        Configuration conf = JobSettings.base(work.resolve("checkpoints"), Duration.ofSeconds(10));
        conf.set(RestOptions.PORT, r.port());
        boolean live = r.events() == null;
        if (live) {
            JobSettings.live(conf);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        env.setParallelism(r.parallelism());

        DataStream<SourceRecord> source = live
                ? env.fromSource(SimulatedLiveSource.create(r.accounts(), r.rate(), r.seed()),
                        SimulatedLiveSource.watermarks(), "Simulated market", Types.SOURCE_RECORD)
                : env.fromSource(ReplaySource.create(r.events(), null, 0, false, r.speed()), ReplaySource.watermarks(),
                        "Recorded day", Types.SOURCE_RECORD);
        source = ((org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator<SourceRecord>) source)
                .uid(live ? RiskState.UID_SIMULATED_SOURCE : RiskState.UID_REPLAY_SOURCE).setParallelism(1);

        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source, live
                ? new RiskguardPipeline.Options(r.configYaml(), r.configName(), Ordering.ARRIVAL)
                : RiskguardPipeline.Options.replay(r.configYaml(), r.configName()));
        EnforcementSinks.attach(streams.actions(), gateway, database);
        streams.actions().map(d -> ActionJson.toJson(d.action()), BasicTypeInfo.STRING_TYPE_INFO)
                .name("Action JSON").sinkTo(new PrintSink<>("action")).name("Print actions");
        streams.deadLetters().map(d -> DeadLetterJson.toJson(d.letter()), BasicTypeInfo.STRING_TYPE_INFO)
                .name("Dead-letter JSON").sinkTo(new PrintSink<>("dead-letter", true)).name("Print dead letters");

        System.err.printf("riskguard local: Flink web UI on http://localhost:%d — %s%n", r.port(),
                live ? "simulated market, " + r.accounts() + " accounts, " + r.rate() + " events/s"
                        : "replaying " + r.events() + " at " + r.speed() + "x");
        env.execute("riskguard local");
    }
}
