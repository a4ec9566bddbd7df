package io.riskguard.job.local;

import io.riskguard.bridge.Bridge;
import io.riskguard.bridge.BridgeMetrics;
import io.riskguard.bridge.BridgeSettings;
import io.riskguard.bridge.KafkaEventOutput;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.job.pipeline.RunJob;
import io.riskguard.sinks.gateway.GatewayApi;
import io.riskguard.sinks.gateway.GatewayCredentials;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.gateway.sim.ScriptedMarket;
import io.riskguard.sinks.gateway.sim.ScriptedTrader;
import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code local --via-bridge}: the production path on one machine. An in-process Kafka broker with the
 * job's topics; the broker gateway simulator with N accounts, a scripted market and a scripted trader;
 * the bridge from the simulator's hubs to the events and quotes topics; and the production job graph
 * ({@code run}: Kafka in and out, live ordering, heartbeat) on an in-process cluster with the web UI,
 * enforcing through the simulator's REST API and recording in an embedded PostgreSQL. Every trade,
 * position and enforcement is a real call or hub message between them; the actions are printed as the
 * job commits them to its actions topic.
 */
public final class BridgedLocalRun implements AutoCloseable {

    public static final List<String> CONTRACTS = List.of("CON.F.US.MNQ.H26", "CON.F.US.EP.H26", "CON.F.US.ENQ.H26");
    public static final long FIRST_ACCOUNT_ID = 1001;
    public static final Duration DEFAULT_TRADE_INTERVAL = Duration.ofMillis(500);
    public static final double DEFAULT_QUOTES_PER_SECOND = 4;

    /** Short, so that committed actions show soon: the job's Kafka sinks publish at checkpoints. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    /** {@code port} is the web UI's (0: ephemeral); {@code seed} drives the market and the trader. */
    public record Request(String configYaml, String configName, int configVersion, int accounts, int port,
            int parallelism, Duration tradeInterval, double quotesPerSecond, long seed) {

        public static Request of(String configYaml, String configName, int configVersion, int accounts, int port,
                int parallelism) {
            return new Request(configYaml, configName, configVersion, accounts, port, parallelism,
                    DEFAULT_TRADE_INTERVAL, DEFAULT_QUOTES_PER_SECOND, 1);
        }
    }

    /** What is running, in start order; closed in reverse. */
    private final List<AutoCloseable> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private GatewaySimulator simulator;
    private JobClient job;

    private BridgedLocalRun() {}

    /** Starts everything, prints a line per component on standard error, and blocks until Ctrl-C or a job failure. */
    public static void run(Request r) throws Exception {
        BridgedLocalRun run = start(r, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(run::close, "riskguard-local-shutdown"));
        try {
            run.job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            if (!run.closed.get()) {
                throw e;
            } // else cancelled by the shutdown: not a failure
        } finally {
            run.close();
        }
    }

    /** Starts everything; {@link #close()} stops it. */
    public static BridgedLocalRun start(Request r, PrintStream out) throws Exception {
        BridgedLocalRun run = new BridgedLocalRun();
        try {
            run.startAll(r, out);
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    private void startAll(Request r, PrintStream out) throws Exception {
        EmbeddedKafka kafka = started(EmbeddedKafka.start(0));
        kafka.createTopics(EmbeddedKafka.RISKGUARD_TOPICS);
        out.printf("riskguard local: Kafka (in-process, KRaft) on %s%n", kafka.bootstrapServers());
        out.printf("riskguard local: topics %s%n", EmbeddedKafka.describe(EmbeddedKafka.RISKGUARD_TOPICS));

        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        started.add(postgres::close);
        JdbcSettings database = new JdbcSettings(postgres.getJdbcUrl("postgres", "postgres"));
        DatabaseMigrations.migrate(database);
        out.printf("riskguard local: PostgreSQL on %s (see the view locked_accounts_now)%n", database.url());

        simulator = started(GatewaySimulator.start(GatewaySimulator.Options.defaults()));
        List<Long> accounts = LongStream.range(FIRST_ACCOUNT_ID, FIRST_ACCOUNT_ID + r.accounts()).boxed().toList();
        accounts.forEach(id -> simulator.putAccount(id, "TOPX-" + id, true));
        out.printf("riskguard local: broker gateway simulator on %s (its calls: %s/sim/calls, its book: %s/sim/book), "
                + "accounts %d-%d%n", simulator.baseUri(), simulator.baseUri(), simulator.baseUri(), accounts.get(0),
                accounts.get(accounts.size() - 1));
        ScriptedMarket market = started(new ScriptedMarket(simulator, CONTRACTS, r.quotesPerSecond(), r.seed()));
        market.start();
        out.printf("riskguard local: realtime hubs on %s/hubs/user and /hubs/market, quoting %s at %s quotes/s each%n",
                simulator.hubUri(), String.join(", ", CONTRACTS), r.quotesPerSecond());

        job = startJob(r, kafka.bootstrapServers(), GatewaySettings.defaults(simulator.baseUri(), database)
                .withDemoCredentials(), database);
        out.printf("riskguard local: Flink web UI on http://localhost:%s, the production job (run): ordering arrival, "
                + "heartbeat %d s, checkpoints every %d s%n", r.port() == 0 ? "<ephemeral port>" : r.port(),
                HEARTBEAT.toSeconds(), CHECKPOINT_INTERVAL.toSeconds());
        started(new CommittedOutputPrinter(kafka.bootstrapServers(), KafkaSettings.ACTIONS,
                KafkaSettings.DEAD_LETTERS));

        BridgeMetrics metrics = new BridgeMetrics();
        KafkaEventOutput output = started(new KafkaEventOutput(kafka.bootstrapServers(), Map.of(),
                new KafkaEventOutput.Topics(KafkaSettings.EVENTS, KafkaSettings.QUOTES,
                        KafkaEventOutput.DEAD_LETTERS_TOPIC), metrics));
        BridgeSettings bridgeSettings = BridgeSettings.defaults(simulator.baseUri(), simulator.hubUri());
        Bridge bridge = started(new Bridge(bridgeSettings, GatewayApi.connect(simulator.baseUri(),
                GatewayCredentials.LOCAL_DEMO, bridgeSettings.restRequestsPerMinute(), Duration.ofSeconds(10)),
                output, metrics));
        bridge.start();
        out.printf("riskguard local: bridge from %s and %s to %s, %s%n", bridgeSettings.hub(Bridge.USER_HUB),
                bridgeSettings.hub(Bridge.MARKET_HUB), KafkaSettings.EVENTS, KafkaSettings.QUOTES);

        ScriptedTrader trader = started(new ScriptedTrader(simulator, accounts, CONTRACTS, r.tradeInterval(),
                r.seed()));
        trader.start();
        out.printf("riskguard local: scripted trader: every %d ms one account buys or sells 1-3 contracts; Ctrl-C "
                + "stops everything%n", r.tradeInterval().toMillis());
    }

    private JobClient startJob(Request r, String bootstrapServers, GatewaySettings gateway, JdbcSettings database)
            throws Exception {
        Path work = Files.createTempDirectory("riskguard-local");
        Configuration conf = JobSettings.live(JobSettings.base(work.resolve("checkpoints"), CHECKPOINT_INTERVAL));
        conf.set(RestOptions.PORT, r.port());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        env.setParallelism(r.parallelism());
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, KafkaSettings.EVENTS, KafkaSettings.QUOTES,
                KafkaSettings.CONTROL, KafkaSettings.ACTIONS, KafkaSettings.DEAD_LETTERS, "riskguard-local",
                "riskguard-local", Map.of());
        // The defaults of `run`: 500 ms out of orderness, a partition quiet for 2 s stops holding time back.
        RunJob.build(env, new RunJob.Settings(r.configYaml(), r.configName(), r.configVersion(), kafka, gateway,
                database, Ordering.ARRIVAL, Duration.ofMillis(500), Duration.ofSeconds(2), HEARTBEAT));
        JobClient client = env.executeAsync("riskguard local (via the bridge)");
        started.add(() -> {
            client.cancel().get(30, TimeUnit.SECONDS);
            // until the job's tasks are gone, which read Kafka and call the simulator
            client.getJobExecutionResult().handle((result, failure) -> null).get(30, TimeUnit.SECONDS);
        });
        return client;
    }

    /** The broker gateway simulator: its book and call log. */
    public GatewaySimulator simulator() {
        return simulator;
    }

    /** Stops everything, last started first; a component that fails to stop does not keep the others running. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // the job may be gone already (it failed, or Flink's own shutdown hook stopped its cluster)
            }
        }
    }

    private <T extends AutoCloseable> T started(T component) {
        started.add(component);
        return component;
    }
}
