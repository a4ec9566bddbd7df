package io.riskguard.job.replay;

import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.ReplayOutput;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.operators.RouteEvents;
import io.riskguard.job.pipeline.EnforcementSinks;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.job.pipeline.LocalCluster;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the real job over bounded files on a local MiniCluster and returns its output in file order:
 * actions sorted by ts, account and decision order, each action id once (a restore may replay
 * actions; their ids are deterministic), dead letters in input order.
 */
public final class ReplayRunner {

    /**
     * What to replay. {@code until} null: event time ends at the last event. {@code gateway} and
     * {@code database} null: actions go to the file only.
     */
    public record Request(String configYaml, String configName, List<Path> events, Instant until, int parallelism,
            boolean showProgress, GatewaySettings gateway, JdbcSettings database) {

        public Request(String configYaml, String configName, List<Path> events, Instant until, int parallelism,
                boolean showProgress) {
            this(configYaml, configName, events, until, parallelism, showProgress, null, null);
        }
    }

    public record Outcome(List<Action> actions, List<DeadLetter> deadLetters, long linesRead, Instant horizon) {}

    private ReplayRunner() {}

    public static Outcome run(Request request) throws Exception {
        Path work = Files.createTempDirectory("riskguard-replay");
        Configuration conf = JobSettings.base(work.resolve("checkpoints"), Duration.ofSeconds(10));
        conf.set(RestOptions.BIND_PORT, "0"); // a replay needs no fixed port (and must not collide with local)
        try (LocalCluster cluster = LocalCluster.start(conf, request.parallelism())) {
            StreamExecutionEnvironment env = cluster.environment(conf);
            env.setParallelism(request.parallelism());
            return execute(env, request);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Runs the replay job on {@code env} (its cluster must outlive the job) and collects its output. */
    public static Outcome execute(StreamExecutionEnvironment env, Request request) throws Exception {
        DataStream<ReplayOutput> output = build(env, request);
        List<DecidedAction> actions = new ArrayList<>();
        List<DeadLetterRecord> deadLetters = new ArrayList<>();
        CloseableIterator<ReplayOutput> results = output.collectAsync();
        JobClient job = env.executeAsync("riskguard replay");
        try (results) {
            while (results.hasNext()) {
                ReplayOutput o = results.next();
                if (o.action() != null) {
                    actions.add(o.action());
                } else {
                    deadLetters.add(o.deadLetter());
                }
            }
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        Long lines = result.getAccumulatorResult(RouteEvents.LINES);
        Long horizonNanos = result.getAccumulatorResult(RouteEvents.HORIZON_NANOS);
        Instant horizon = horizonNanos == null ? null
                : Instant.ofEpochSecond(Math.floorDiv(horizonNanos, 1_000_000_000L),
                        Math.floorMod(horizonNanos, 1_000_000_000L));
        return new Outcome(fileOrder(actions), inputOrder(deadLetters), lines == null ? 0 : lines, horizon);
    }

    /** The replay job graph with both outputs merged into one collectable stream. */
    public static DataStream<ReplayOutput> build(StreamExecutionEnvironment env, Request request) throws Exception {
        DataStream<SourceRecord> source = env
                .fromSource(ReplaySource.create(request.events(), request.until(), 0, request.showProgress()),
                        ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD)
                .uid(RiskState.UID_REPLAY_SOURCE).setParallelism(1);
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                RiskguardPipeline.Options.replay(request.configYaml(), request.configName()));
        EnforcementSinks.attach(streams.actions(), request.gateway(), request.database());
        return streams.actions().map(ReplayOutput::of, Types.REPLAY_OUTPUT).name("Collect actions")
                .union(streams.deadLetters().map(ReplayOutput::of, Types.REPLAY_OUTPUT).name("Collect dead letters"));
    }

    /** Sorted as CONTRACT.md §2 requires; an action replayed after a restore appears once. */
    public static List<Action> fileOrder(List<DecidedAction> decided) {
        List<DecidedAction> sorted = new ArrayList<>(decided);
        sorted.sort(ActionOrder.FILE_ORDER);
        Set<String> seen = new HashSet<>();
        List<Action> actions = new ArrayList<>(sorted.size());
        for (DecidedAction d : sorted) {
            if (seen.add(d.action().id())) {
                actions.add(d.action());
            }
        }
        return actions;
    }

    static List<DeadLetter> inputOrder(List<DeadLetterRecord> records) {
        List<DeadLetterRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(DeadLetterRecord::seq));
        // a restore may emit a record twice; the same line (seq) with the same letter is one record
        return new LinkedHashSet<>(sorted).stream().map(DeadLetterRecord::letter).toList();
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
