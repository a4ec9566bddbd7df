package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.job.control.ConfigSignature;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RunJob;
import io.riskguard.job.support.InProcessKafka;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.riskguard.sinks.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config updates on the control topic while the job runs: a signed, newer config tightens a limit
 * and the next breach is decided by it (its version on the action); a forged one is refused to the
 * dead letters and audited, and the running config stays.
 */
class LiveConfigTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(2);

    /** The surefire environment's control key (job/pom.xml); a test-only value. */
    static final String KEY = System.getenv(ConfigSignature.KEY_ENV);

    @TempDir
    Path work;

    @Test
    void aSignedUpdateTightensTheLimitForTheNextBreachAndAForgedOneIsRefusedAndAudited(
            @InjectClusterClient ClusterClient<?> cluster) throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            KafkaSettings topics = new KafkaSettings(kafka.bootstrapServers(), "live.events", "live.quotes",
                    "live.control", "live.actions", "live.dead-letters", "live", "riskguard-test-live", Map.of());
            kafka.createTopics(topics.eventsTopic(), topics.quotesTopic(), topics.controlTopic(), topics.actionsTopic(),
                    topics.deadLettersTopic());
            JdbcSettings db = TestDatabase.freshDatabase();
            String v7 = JobTestSupport.defaultConfigYaml();
            // v8 tightens RULE-003 to -200 (and RULE-004 to -150, which must stay above it)
            String v8 = v7.replaceFirst("(?m)^version: 7", "version: 8")
                    .replaceFirst("limit: -500.00 ", "limit: -200.00 ")
                    .replaceFirst("limit: -300.00 ", "limit: -150.00 ");
            assertThat(v8).contains("limit: -200.00").contains("limit: -150.00")
                    .containsPattern("(?m)^version: 8");

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofMillis(500), 2);
            RunJob.build(env, new RunJob.Settings(v7, "default.yaml", 7, topics, null, db, Ordering.ARRIVAL,
                    Duration.ofMillis(200), Duration.ofSeconds(1), null));
            JobClient job = env.executeAsync("riskguard live config");

            // -420.00 today, under v7's -500 limit; the last order's -150 trips RULE-007's -100 tier, which
            // also tells the test when the account's trades have been processed
            kafka.produce(topics.eventsTopic(), List.of(trade(9001, "2026-03-02T15:00:00Z", "-90.00"),
                    trade(9002, "2026-03-02T15:01:00Z", "-90.00"), trade(9003, "2026-03-02T15:02:00Z", "-90.00"),
                    trade(9004, "2026-03-02T15:03:00Z", "-150.00")));
            List<String> underV7 = kafka.consume(topics.actionsTopic(), 2, Duration.ofMinutes(2));
            kafka.produce(topics.controlTopic(), List.<String[]>of(new String[] {null, message(v8, "forged")}));
            awaitRows(db, "SELECT count(*) FROM config_audit WHERE NOT accepted", "1");
            kafka.produce(topics.controlTopic(), List.<String[]>of(new String[] {null, message(v8, KEY)}));
            awaitRows(db, "SELECT count(*) FROM config_audit WHERE accepted", "1");
            // The verifier sends the accepted config on in the same step as its audit row, so the barrier of a
            // checkpoint triggered now follows the config, and the checkpoint completes only once AccountRisk
            // has taken the config in (aligned checkpoints): the next trade is decided by it.
            cluster.triggerCheckpoint(job.getJobID(), CheckpointType.CONFIGURED).get(1, TimeUnit.MINUTES);
            kafka.produce(topics.eventsTopic(), List.<String[]>of(trade(9005, "2026-03-02T15:05:00Z", "-10.00")));

            List<String> actions = kafka.consume(topics.actionsTopic(), 4, Duration.ofMinutes(2));
            List<String> deadLetters = kafka.consume(topics.deadLettersTopic(), 1, Duration.ofSeconds(30));
            job.cancel().get();

            assertThat(underV7).extracting(a -> ActionJson.fromJson(a).ruleId() + " v" + ActionJson.fromJson(a).configVersion())
                    .containsExactly("RULE-007 v7", "RULE-007 v7");
            assertThat(actions.subList(2, actions.size())).extracting(a -> ActionJson.fromJson(a).kind())
                    .containsExactly(ActionKind.LOCK, ActionKind.FLATTEN);
            Action lock = ActionJson.fromJson(actions.get(2));
            assertThat(lock.configVersion()).isEqualTo(8);
            assertThat(lock.rule()).isEqualTo(3);
            assertThat(lock.reason()).isEqualTo("daily realized P&L -430.00 reached the limit -200.00");
            assertThat(deadLetters).singleElement().asString()
                    .startsWith("{\"kind\":\"rejected\",\"reason\":\"config update version 8 has a bad signature\"");
            assertThat(TestDatabase.rows(db, "SELECT version, accepted, reason FROM config_audit ORDER BY id"))
                    .containsExactly("8|f|config update version 8 has a bad signature", "8|t|accepted");
        }
    }

    private static String[] trade(long id, String ts, String pnl) {
        return new String[] {"2002", "{\"type\":\"trade\",\"ts\":\"" + ts + "\",\"accountId\":2002,\"data\":{\"id\":" + id
                + ",\"accountId\":2002,\"contractId\":\"CON.F.US.MNQ.H26\",\"price\":21000.00,\"profitAndLoss\":" + pnl
                + ",\"fees\":0.74,\"side\":1,\"size\":1,\"voided\":false,\"orderId\":" + (id + 1000) + "}}"};
    }

    private static String message(String yaml, String key) {
        return new ObjectMapper().createObjectNode().put("version", 8).put("config", yaml)
                .put("signature", ConfigSignature.sign(key, yaml)).toString();
    }

    private static void awaitRows(JdbcSettings db, String sql, String expected) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(TestDatabase.rows(db, sql)).as(sql).containsExactly(expected));
    }
}
