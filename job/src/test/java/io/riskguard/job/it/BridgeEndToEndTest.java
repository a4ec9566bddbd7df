package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.riskguard.bridge.Bridge;
import io.riskguard.bridge.BridgeMetrics;
import io.riskguard.bridge.BridgeSettings;
import io.riskguard.bridge.KafkaEventOutput;
import io.riskguard.bridge.hub.ResilientHub;
import io.riskguard.config.ConfigLoader;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RunJob;
import io.riskguard.job.support.BrokerBook;
import io.riskguard.job.support.InProcessKafka;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.sinks.gateway.GatewayApi;
import io.riskguard.sinks.gateway.GatewayCredentials;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.MemoryActionLedger;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.gateway.sim.SimQuote;
import io.riskguard.sinks.gateway.sim.SimTrade;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path on real accounts, end to end: the simulator's hubs → the bridge → Kafka →
 * the {@code run} job → the simulator's REST API. A trading session is played twice, once calm and
 * once with the simulator dropping every hub connection twice while the market and the accounts
 * keep changing; the broker must receive the same enforcement calls both times — what happened in
 * the gaps comes back through the bridge's resynchronisation, and what it sends twice the job's
 * duplicate rules ignore.
 */
class BridgeEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(2);

    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String USER = "riskguard-test";
    static final String KEY = "test-only-not-a-secret";

    /** Per-instrument limits, the daily loss limit, a per-position loss limit, and the broker's canTrade. */
    static final String CONFIG = """
            version: 3
            timezone: America/Chicago
            daily_reset: { enabled: true, time: "17:00" }
            session: { enabled: false, start: "08:30", end: "15:00", days: [MON, TUE, WED, THU, FRI] }
            instruments:
              ES:  { tick_size: 0.25, tick_value: 12.50 }
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
            aliases: { EP: ES }
            quotes: { max_age_seconds: 30 }
            rules:
              max_contracts_per_instrument: { enabled: true, default_limit: 3, limits: { MNQ: 2 }, unknown_symbol: default }
              daily_realized_loss:          { enabled: true, limit: -500.00, include_fees: false }
              daily_unrealized_loss:        { enabled: true, limit: -300.00 }
              auth_loss_guard:              { enabled: true }
            """;

    static InProcessKafka kafka;

    @TempDir
    static Path work;

    @BeforeAll
    static void startKafka() throws Exception {
        ConfigLoader.parse(CONFIG, "bridge-e2e.yaml");
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void theBrokerReceivesTheSameEnforcementCallsWhenTheHubsDropTwiceMidSession() throws Exception {
        Session calm = play("calm", false);
        Session dropped = play("dropped", true);

        assertThat(calm.mutations).as("the calm session enforces something in every account").containsOnlyKeys(
                1001L, 1002L, 1003L);
        assertThat(dropped.mutations).isEqualTo(calm.mutations);
        assertThat(dropped.userConnections).as("two drops, two reconnects").isEqualTo(3);
        assertThat(dropped.resyncEvents).as("the gaps came back through REST").isPositive();
        assertThat(calm.userConnections).isEqualTo(1);
    }

    /** The outcome of one played session. */
    record Session(Map<Long, List<String>> mutations, int userConnections, long resyncEvents) {}

    /**
     * The session: 1001 buys over its MNQ limit (reduced); 1002 and 1003 open positions; in the first
     * gap 1002 realizes a loss past the daily limit (flattened), the broker stops 1003 trading
     * (flattened) and 1001 closes its own position — which the job must not keep; a falling quote
     * then finds nobody holding MNQ. In the second gap 1001 buys again, and the next quote's
     * unrealized loss closes it.
     */
    static Session play(String name, boolean drops) throws Exception {
        MemoryActionLedger.clear();
        KafkaSettings topics = new KafkaSettings(kafka.bootstrapServers(), name + ".events", name + ".quotes",
                name + ".control", name + ".actions", name + ".dead-letters", name, "riskguard-test-" + name, Map.of());
        kafka.createTopics(2, topics.eventsTopic(), topics.quotesTopic());
        kafka.createTopics(topics.controlTopic(), topics.actionsTopic(), topics.deadLettersTopic(),
                name + ".bridge-dead-letters");
        try (GatewaySimulator sim = GatewaySimulator.start(GatewaySimulator.Options.defaults().withUser(USER, KEY)
                .withRateLimit(1_000_000, Duration.ofSeconds(60)).withHubPingInterval(Duration.ofSeconds(1)))) {
            for (long id = 1001; id <= 1003; id++) {
                sim.putAccount(id, "TOPX-" + id, true);
            }
            JobClient job = startJob(topics, sim, name);
            BridgeMetrics metrics = new BridgeMetrics();
            try (KafkaEventOutput out = new KafkaEventOutput(kafka.bootstrapServers(), Map.of(),
                    new KafkaEventOutput.Topics(topics.eventsTopic(), topics.quotesTopic(), name + ".bridge-dead-letters"),
                    metrics);
                    Bridge bridge = new Bridge(bridgeSettings(sim), GatewayApi.connect(sim.baseUri(),
                            new GatewayCredentials(USER, KEY), 1000, Duration.ofSeconds(5)), out, metrics)) {
                bridge.start();
                await().atMost(PATIENCE).until(() -> metrics.get(BridgeMetrics.Counter.RESYNCS) == 1
                        && bridge.connections(Bridge.MARKET_HUB) == 1);

                sim.execute(1001, MNQ, SimTrade.BUY, 3, price("21000.00"), null);
                sim.execute(1002, ES, SimTrade.BUY, 2, price("6000.00"), null);
                sim.execute(1003, MNQ, SimTrade.BUY, 1, price("21000.00"), null);
                await().atMost(PATIENCE).until(() -> applied(sim, "/api/Position/partialCloseContract", 1001) == 1
                        && sim.quoteSubscriptions().containsAll(List.of(MNQ, ES)));
                long quotesBefore = metrics.get(BridgeMetrics.Counter.PRODUCED, "quote");
                sim.publishQuote(MNQ, SimQuote.of(price("21000.00"), price("20999.75"), price("21000.25")));
                sim.publishQuote(ES, SimQuote.of(price("6000.00"), price("5999.75"), price("6000.25")));
                await().atMost(PATIENCE).until(() -> metrics.get(BridgeMetrics.Counter.PRODUCED, "quote") == quotesBefore + 2);

                dropIf(drops, sim);
                sim.execute(1002, ES, SimTrade.SELL, 1, price("5960.00"), price("-500.00"));
                sim.setCanTrade(1003, false);
                sim.execute(1001, MNQ, SimTrade.SELL, 2, price("21010.00"), price("10.00"));
                await().atMost(PATIENCE).until(() -> applied(sim, "/api/Position/closeContract", 1002) == 1
                        && applied(sim, "/api/Position/closeContract", 1003) == 1
                        && bridge.connections(Bridge.USER_HUB) == (drops ? 2 : 1)
                        && bridge.connections(Bridge.MARKET_HUB) == (drops ? 2 : 1)
                        && metrics.get(BridgeMetrics.Counter.RESYNCS) == (drops ? 2 : 1));
                sim.publishQuote(MNQ, SimQuote.of(price("20300.00"), price("20300.00"), price("20300.50")));
                await().atMost(PATIENCE).until(() -> metrics.get(BridgeMetrics.Counter.PRODUCED, "quote") == quotesBefore + 3);
                awaitQuiet(sim); // a job that still held 1001's position would close it now

                dropIf(drops, sim);
                sim.execute(1001, MNQ, SimTrade.BUY, 1, price("20300.00"), null);
                await().atMost(PATIENCE).until(() -> bridge.connections(Bridge.USER_HUB) == (drops ? 3 : 1)
                        && bridge.connections(Bridge.MARKET_HUB) == (drops ? 3 : 1)
                        && metrics.get(BridgeMetrics.Counter.RESYNCS) == (drops ? 3 : 1)
                        && sim.quoteSubscriptions().contains(MNQ));
                sim.publishQuote(MNQ, SimQuote.of(price("19700.00"), price("19700.00"), price("19700.50")));
                await().atMost(PATIENCE).until(() -> applied(sim, "/api/Position/closeContract", 1001) == 1);
                awaitQuiet(sim);

                Session session = new Session(BrokerBook.attemptedMutations(sim), bridge.connections(Bridge.USER_HUB),
                        metrics.get(BridgeMetrics.Counter.RESYNC_SENT));
                assertThat(metrics.get(BridgeMetrics.Counter.DEAD_LETTERS)).isZero();
                return session;
            } finally {
                job.cancel().get();
            }
        }
    }

    static JobClient startJob(KafkaSettings topics, GatewaySimulator sim, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints-" + name), Duration.ofMillis(500), 2);
        RunJob.build(env, new RunJob.Settings(CONFIG, "bridge-e2e.yaml", 3, topics,
                GatewaySettings.defaults(sim.baseUri(), null).withRateLimit(1_000_000, Duration.ofSeconds(60)),
                null, Ordering.ARRIVAL, Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(500)));
        return env.executeAsync("riskguard bridge e2e " + name);
    }

    static BridgeSettings bridgeSettings(GatewaySimulator sim) {
        return BridgeSettings.defaults(sim.baseUri(), sim.hubUri())
                .withHub(ResilientHub.Settings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                        .withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(5)));
    }

    static void dropIf(boolean drops, GatewaySimulator sim) {
        if (drops) {
            assertThat(sim.dropHubConnections()).as("user and market connections dropped").isEqualTo(2);
        }
    }

    static long applied(GatewaySimulator sim, String path, long accountId) {
        return sim.callsTo(path).stream().filter(c -> c.applied() && c.accountId() == accountId).count();
    }

    /** Until no enforcement call has come for two seconds: whatever the last decisions caused has reached the broker. */
    static void awaitQuiet(GatewaySimulator sim) {
        AtomicInteger calls = new AtomicInteger(-1);
        AtomicLong since = new AtomicLong(System.nanoTime());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            int now = BrokerBook.attemptedMutations(sim).values().stream().mapToInt(List::size).sum();
            if (now != calls.getAndSet(now)) {
                since.set(System.nanoTime());
            }
            return System.nanoTime() - since.get() > Duration.ofSeconds(2).toNanos();
        });
    }

    static BigDecimal price(String p) {
        return new BigDecimal(p);
    }
}
