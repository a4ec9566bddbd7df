package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RunJob;
import io.riskguard.job.serde.Types;
import io.riskguard.job.support.BrokerBook;
import io.riskguard.job.support.FailOnce;
import io.riskguard.job.support.InProcessKafka;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.job.support.KafkaDay;
import io.riskguard.job.generate.MarketSimulator;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.MemoryActionLedger;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.riskguard.sinks.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production job end to end on one machine: events and quotes produced to a real Kafka
 * (in-process, KRaft), the job on a MiniCluster, actions on the actions topic (exactly once),
 * broker calls at the gateway simulator, rows in PostgreSQL — equal to the replay of the same input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4);

    static final int PARTITIONS = 2;
    static InProcessKafka kafka;
    static KafkaDay day;
    static String config;
    static List<String> reference;

    @TempDir
    static Path work;

    @BeforeAll
    static void startKafkaAndComputeTheReference() throws Exception {
        kafka = InProcessKafka.start();
        Instant start = Instant.parse("2026-03-02T14:30:00Z");
        day = new KafkaDay(MarketSimulator.lines(new MarketSimulator.Settings(15, 30_001, start,
                start.plus(Duration.ofMinutes(75)), 1.0, 8, 41)));
        config = JobTestSupport.defaultConfigYaml();
        List<String> withFinalClock = new ArrayList<>(day.lines);
        withFinalClock.add(day.finalClock()[1]);
        reference = JobTestSupport.json(new SequentialReplay(ConfigLoader.parse(config, "default.yaml"))
                .run(List.of(withFinalClock), null).actions());
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    static Map<Long, List<String>> calmMutations;

    @Test
    @Order(1)
    void eventsAndQuotesThroughKafkaGiveTheReplaysActionsOnTheTopicAtTheBrokerAndInPostgres() throws Exception {
        KafkaSettings topics = topics("e2e");
        JdbcSettings db = TestDatabase.freshDatabase();
        MemoryActionLedger.clear();
        try (GatewaySimulator sim = simulator()) {
            BrokerBook.seed(sim, referenceActions());
            JobClient job = start(topics, db, sim);
            List<String> actions = kafka.consume(topics.actionsTopic(), reference.size(), Duration.ofMinutes(3));
            job.cancel().get();

            assertThat(reference).hasSizeGreaterThan(100);
            assertThat(actions).containsExactlyInAnyOrderElementsOf(reference);
            assertThat(perAccount(actions)).isEqualTo(perAccount(reference));
            assertThat(TestDatabase.rows(db, "SELECT action_json FROM enforcement_actions"))
                    .containsExactlyInAnyOrderElementsOf(reference);
            long brokerActions = referenceActions().stream()
                    .filter(a -> a.kind() != ActionKind.LOCK && a.kind() != ActionKind.UNLOCK).count();
            assertThat(TestDatabase.rows(db, "SELECT count(*) FROM action_ledger WHERE status = 'done'"))
                    .containsExactly(Long.toString(brokerActions));
            calmMutations = BrokerBook.appliedMutations(sim);
            assertThat(calmMutations).isNotEmpty();
        }
    }

    @Test
    @Order(2)
    void aTaskFailingTwiceMidStreamLeavesEveryActionOnceOnTheTopicAndEveryBrokerCallOnce() throws Exception {
        assertThat(calmMutations).as("the calm run of the first test").isNotNull();
        KafkaSettings topics = topics("failover");
        JdbcSettings db = TestDatabase.freshDatabase();
        MemoryActionLedger.clear();
        FailOnce.reset();
        long inputs = day.events.size(); // what reaches the probe in front of AccountRisk
        try (GatewaySimulator sim = simulator()) {
            BrokerBook.seed(sim, referenceActions());
            JobClient job = start(topics, db, sim, Set.of(inputs / 3, 2 * inputs / 3));
            List<String> actions = kafka.consume(topics.actionsTopic(), reference.size(), Duration.ofMinutes(3));
            List<String> more = kafka.consume(topics.actionsTopic(), reference.size() + 1, Duration.ofSeconds(5));
            job.cancel().get();

            assertThat(FailOnce.failures()).as("task failures").isEqualTo(2);
            assertThat(more).as("read_committed, nothing more than the reference").hasSize(reference.size());
            assertThat(actions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(reference);
            assertThat(BrokerBook.appliedMutations(sim)).isEqualTo(calmMutations);
        }
    }

    /**
     * The job reading {@code topics}: event-time ordering so it is comparable with the replay; a long
     * idleness, since a partition read from a backlog must never be mistaken for a quiet one.
     */
    static JobClient start(KafkaSettings topics, JdbcSettings db, GatewaySimulator sim) throws Exception {
        return start(topics, db, sim, Set.of());
    }

    static JobClient start(KafkaSettings topics, JdbcSettings db, GatewaySimulator sim, Set<Long> failAt)
            throws Exception {
        // two partitions per input topic: one per source reader at parallelism 2, none left idle
        kafka.createTopics(PARTITIONS, topics.eventsTopic(), topics.quotesTopic());
        kafka.createTopics(topics.controlTopic(), topics.actionsTopic(), topics.deadLettersTopic());
        kafka.produce(topics.eventsTopic(), day.events);
        kafka.produce(topics.quotesTopic(), day.quotes);
        kafka.produceToAllPartitions(topics.eventsTopic(), PARTITIONS, day.finalClock()[1]);
        kafka.produceToAllPartitions(topics.quotesTopic(), PARTITIONS, day.finalClock()[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints-" + topics.groupId()), Duration.ofMillis(500), 2);
        RunJob.build(env, new RunJob.Settings(config, "default.yaml", 7, topics,
                GatewaySettings.defaults(sim.baseUri(), db).withRateLimit(1_000_000, Duration.ofSeconds(60)),
                db, Ordering.EVENT_TIME, Duration.ZERO, Duration.ofMinutes(5), null),
                s -> s.map(new FailOnce(failAt), Types.ACCOUNT_INPUT).name("Fail on cue"));
        return env.executeAsync("riskguard kafka " + topics.groupId());
    }

    static KafkaSettings topics(String name) {
        return new KafkaSettings(kafka.bootstrapServers(), name + ".events", name + ".quotes", name + ".control",
                name + ".actions", name + ".dead-letters", name, "riskguard-test-" + name, Map.of());
    }

    static GatewaySimulator simulator() {
        return GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUser("riskguard-test", "test-only-not-a-secret").withRateLimit(1_000_000, Duration.ofSeconds(60)));
    }

    static List<Action> referenceActions() {
        return reference.stream().map(ActionJson::fromJson).toList();
    }

    /** Each account's actions in the order the job decided them. */
    static Map<Long, List<String>> perAccount(List<String> actions) {
        Map<Long, List<String>> by = new TreeMap<>();
        for (String json : actions) {
            Action a = ActionJson.fromJson(json);
            by.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(json);
        }
        return by;
    }
}
