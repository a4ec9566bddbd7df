package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.EnforcementSinks;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.job.support.BrokerBook;
import io.riskguard.job.support.FailOnce;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.MemoryActionLedger;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.riskguard.sinks.support.TestDatabase;
import io.riskguard.config.ConfigLoader;
import io.riskguard.replay.SequentialReplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with its enforcement sinks: the broker gateway simulator over real HTTP and a real
 * PostgreSQL. Audit rows equal the actions, the lock view matches the locks at the end, and a job
 * failure with restores mid-stream sends every broker call exactly once.
 */
class EnforcementEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(2);

    @TempDir
    Path work;

    @Test
    void aReplayWithGatewayAndDatabaseRecordsTheActionsAndTheLocksItEndsWith() throws Exception {
        Path scenario = JobTestSupport.testdata().resolve("scenarios/mixed-007-cooldown-overlapped-by-003");
        List<String> expected = Files.readAllLines(scenario.resolve("expected.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        JdbcSettings db = TestDatabase.freshDatabase();
        try (GatewaySimulator sim = simulator()) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofSeconds(1), 2);
            ReplayRunner.Outcome outcome = ReplayRunner.execute(env, new ReplayRunner.Request(
                    Files.readString(scenario.resolve("config.yaml")), "config.yaml",
                    List.of(scenario.resolve("events.jsonl")), null, 2, false, gateway(sim, db), db));

            assertThat(JobTestSupport.json(outcome.actions())).containsExactlyElementsOf(expected);
            assertThat(TestDatabase.rows(db, "SELECT action_json FROM enforcement_actions ORDER BY ts, account_id, action_id"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(TestDatabase.rows(db, "SELECT account_id || '/' || rule FROM locked_accounts_now"))
                    .containsExactlyInAnyOrderElementsOf(locksAtTheEnd(outcome.actions()));
            assertThat(TestDatabase.rows(db, "SELECT count(*) FROM action_ledger WHERE status <> 'done'"))
                    .containsExactly("0");
            long brokerActions = outcome.actions().stream()
                    .filter(a -> a.kind() != ActionKind.LOCK && a.kind() != ActionKind.UNLOCK).count();
            assertThat(TestDatabase.rows(db, "SELECT count(*) FROM action_ledger"))
                    .containsExactly(Long.toString(brokerActions));
        }
    }

    @Test
    void aJobThatFailsThreeTimesMidStreamSendsEveryBrokerCallExactlyOnce() throws Exception {
        Path day = JobTestSupport.generatedDay(work, 12, Duration.ofMinutes(90), 1.0, 8, 31);
        String config = JobTestSupport.defaultConfigYaml();
        List<Action> reference = new SequentialReplay(ConfigLoader.parse(config, "default.yaml"))
                .run(List.of(Files.readAllLines(day, StandardCharsets.UTF_8)), null).actions();
        long inputs = JobTestSupport.accountEvents(day);

        Map<Long, List<String>> calm = run(day, config, reference, Set.of(), "calm");
        Map<Long, List<String>> stormy = run(day, config, reference,
                Set.of(inputs / 4, inputs / 2, 3 * inputs / 4), "stormy");

        assertThat(FailOnce.failures()).as("injected failures").isEqualTo(3);
        assertThat(calm.values().stream().mapToInt(List::size).sum()).as("broker mutations").isGreaterThan(50);
        assertThat(stormy).isEqualTo(calm);
    }

    /** Runs the day with both sinks; returns each account's broker calls that changed the book. */
    private Map<Long, List<String>> run(Path day, String config, List<Action> reference, Set<Long> failAt,
            String name) throws Exception {
        FailOnce.reset();
        MemoryActionLedger.clear();
        JdbcSettings db = TestDatabase.freshDatabase();
        try (GatewaySimulator sim = simulator()) {
            BrokerBook.seed(sim, reference);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobTestSupport.configure(env, work.resolve("checkpoints-" + name), Duration.ofMillis(300), 2);
            DataStream<SourceRecord> source = env.fromSource(ReplaySource.create(List.of(day), null, 2000, false),
                    ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD).uid("replay-source")
                    .setParallelism(1);
            RiskguardPipeline.Streams streams = RiskguardPipeline.build(source, new RiskguardPipeline.Options(config,
                    "default.yaml", Ordering.EVENT_TIME,
                    s -> s.map(new FailOnce(failAt), Types.ACCOUNT_INPUT).name("Fail on cue")));
            EnforcementSinks.attach(streams.actions(), gateway(sim, db), db);
            env.execute("enforcement " + name);

            List<String> expected = reference.stream().map(ActionJson::toJson).toList();
            assertThat(TestDatabase.rows(db, "SELECT action_json FROM enforcement_actions"))
                    .as("audit rows of the %s run", name).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(TestDatabase.rows(db, "SELECT count(*) FROM action_ledger WHERE status <> 'done'"))
                    .containsExactly("0");
            return BrokerBook.appliedMutations(sim);
        }
    }

    private static GatewaySimulator simulator() {
        return GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUser("riskguard-test", "test-only-not-a-secret").withRateLimit(1_000_000, Duration.ofSeconds(60)));
    }

    private static GatewaySettings gateway(GatewaySimulator sim, JdbcSettings db) {
        return GatewaySettings.defaults(sim.baseUri(), db).withRateLimit(1_000_000, Duration.ofSeconds(60))
                .withBackoff(Duration.ofMillis(500));
    }

    /** "account/RULE-xxx" of every lock record still active after the last action. */
    private static List<String> locksAtTheEnd(List<Action> actions) {
        Map<String, Boolean> active = new TreeMap<>();
        for (Action a : actions) {
            if (a.kind() == ActionKind.LOCK || a.kind() == ActionKind.UNLOCK) {
                active.put(a.accountId() + "/" + a.ruleId(), a.kind() == ActionKind.LOCK);
            }
        }
        return active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
