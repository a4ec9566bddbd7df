package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.job.support.CollectingSink;
import io.riskguard.job.support.Gate;
import io.riskguard.job.support.JobTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stop-with-savepoint in the middle of a trading day at parallelism 2, restore at parallelism 3:
 * locks, P&L, pending timers and buffered triggers carry over, and the two runs together decide
 * exactly what one uninterrupted run decides. AccountRisk's {@code lockedAccounts} gauges, summed
 * over the restored subtasks, count the accounts locked at the savepoint, and at the end those
 * locked at the end. The job logs its state changes (the changelog state backend); state taken
 * without that log (the previous release's savepoints and retained checkpoints) restores into it, and
 * a savepoint taken with it restores into a job without it (a rollback).
 */
class SavepointRestoreTest {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4, METRICS);

    @TempDir
    Path work;

    @Test
    void aDayStoppedWithASavepointAndRestoredAtAnotherParallelismDecidesAsAnUninterruptedRun(
            @InjectClusterClient RestClusterClient<?> client) throws Exception {
        Path day = JobTestSupport.generatedDay(work, 30, Duration.ofMinutes(75), 1.0, 6, 23);
        String config = JobTestSupport.defaultConfigYaml();
        List<String> reference = JobTestSupport.referenceActions(config, day);

        long lines = lineCount(day);
        // the source holds after 40% of the day, whatever the machine's speed; the job is stopped there
        JobClient first = submit(day, config, 2, "before", null, true, new Gate("mid-day", lines * 2 / 5));
        waitUntilQuiet("before");
        String savepoint = first.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        List<DecidedAction> before = CollectingSink.results("before");

        Gate.open("mid-day");
        // held before its first record: what the restore rebuilt, and nothing else, is in the gauges
        JobClient second = submit(day, config, 3, "after", savepoint, true, new Gate("restored", 0));
        await().atMost(Duration.ofMinutes(1)).until(() -> allTasksRunning(client, second.getJobID()));
        assertThat(lockedAccountsSummed(second.getJobID())).as("locked accounts right after the restore")
                .isEqualTo(lockedAccounts(before)).isPositive();
        Gate.open("restored");
        second.getJobExecutionResult().get();
        List<DecidedAction> after = CollectingSink.results("after");

        assertThat(after).as("actions after the restore").isNotEmpty();
        List<DecidedAction> all = assertTogetherTheyDecideAsTheReference(before, after, reference);
        assertThat(lockedAccountsSummed(second.getJobID())).as("locked accounts at the end")
                .isEqualTo(lockedAccounts(all));
    }

    @ParameterizedTest(name = "changelog {0}, {1} savepoint, restored with changelog {2}")
    @CsvSource({"false, NATIVE, true", "false, CANONICAL, true", "true, CANONICAL, false"})
    void stateTakenWithOrWithoutTheChangelogRestoresIntoAJobWithTheOtherSettingAndDecidesAsAnUninterruptedRun(
            boolean changelogBefore, SavepointFormatType format, boolean changelogAfter) throws Exception {
        Path day = JobTestSupport.generatedDay(work, 30, Duration.ofMinutes(75), 1.0, 6, 23);
        String config = JobTestSupport.defaultConfigYaml();
        List<String> reference = JobTestSupport.referenceActions(config, day);
        String tag = "switch-" + changelogBefore + "-" + format;

        long lines = lineCount(day);
        JobClient first = submit(day, config, 2, tag + "-before", null, changelogBefore,
                new Gate(tag, lines * 2 / 5));
        waitUntilQuiet(tag + "-before");
        String savepoint = first.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(), format)
                .get();
        Gate.open(tag);
        JobClient second = submit(day, config, 2, tag + "-after", savepoint, changelogAfter, RateLimiterStrategy.noOp());
        second.getJobExecutionResult().get();

        List<DecidedAction> before = CollectingSink.results(tag + "-before");
        List<DecidedAction> after = CollectingSink.results(tag + "-after");
        assertTogetherTheyDecideAsTheReference(before, after, reference);
    }

    /**
     * Actions before the savepoint, locks set then and ended after the restore, and the two runs
     * together equal to the reference replay; returns the two runs together.
     */
    private static List<DecidedAction> assertTogetherTheyDecideAsTheReference(List<DecidedAction> before,
            List<DecidedAction> after, List<String> reference) {
        assertThat(before).as("actions before the savepoint").isNotEmpty();
        assertThat(locksEndedAfterRestore(before, after)).as("locks set before the savepoint, ended after it")
                .isNotEmpty();
        List<DecidedAction> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(JobTestSupport.json(ReplayRunner.fileOrder(all))).containsExactlyElementsOf(reference);
        return all;
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** Every subtask of the job is running: restored, its operators open. */
    private static boolean allTasksRunning(RestClusterClient<?> client, JobID job) throws Exception {
        return client.getJobDetails(job).get().getJobVertexInfos().stream()
                .allMatch(v -> v.getTasksPerState().getOrDefault(ExecutionState.RUNNING, 0) == v.getParallelism());
    }

    /** AccountRisk's {@code lockedAccounts} gauges of the job, summed over its subtasks. */
    @SuppressWarnings("unchecked")
    private static long lockedAccountsSummed(JobID job) {
        Map<String, Metric> gauges = METRICS.findMetrics(job, "\\.AccountRisk\\..*\\.lockedAccounts$");
        assertThat(gauges).as("one gauge per AccountRisk subtask").hasSize(3);
        return gauges.values().stream().mapToLong(g -> ((Gauge<Long>) g).getValue()).sum();
    }

    /** Accounts left with a lock record by these actions: a rule whose last LOCK no UNLOCK followed. */
    private static long lockedAccounts(List<DecidedAction> decided) {
        Map<String, ActionKind> last = new HashMap<>();
        ReplayRunner.fileOrder(decided).stream().filter(a -> a.kind() == ActionKind.LOCK || a.kind() == ActionKind.UNLOCK)
                .forEach(a -> last.put(key(a), a.kind()));
        return last.entrySet().stream().filter(e -> e.getValue() == ActionKind.LOCK)
                .map(e -> e.getKey().substring(0, e.getKey().indexOf('/'))).distinct().count();
    }

    private JobClient submit(Path day, String config, int parallelism, String sink, String savepoint,
            boolean changelog, RateLimiterStrategy<?> rate) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofMillis(500), parallelism);
        Configuration settings = new Configuration();
        settings.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, changelog);
        if (savepoint != null) {
            settings.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        env.configure(settings);
        DataStream<SourceRecord> source = env.fromSource(ReplaySource.create(List.of(day), null, rate, false, 0),
                ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD).uid("replay-source").setParallelism(1);
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                new RiskguardPipeline.Options(config, "default.yaml", Ordering.EVENT_TIME));
        streams.actions().sinkTo(new CollectingSink(sink)).uid("test-sink");
        return env.executeAsync("savepoint test " + sink);
    }

    /** Until the held job has decided everything before the gate: no new action for two seconds. */
    private static void waitUntilQuiet(String sink) throws InterruptedException {
        int seen = -1;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            int now = CollectingSink.results(sink).size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - quietSince > Duration.ofSeconds(2).toNanos()) {
                return;
            }
            Thread.sleep(50); // polls: nothing signals that the job has decided all it can, only the quiet shows it
        }
        throw new AssertionError("the job did not settle before the gate");
    }

    /** UNLOCKs emitted after the restore for locks whose LOCK was emitted before the savepoint. */
    private static Set<String> locksEndedAfterRestore(List<DecidedAction> before, List<DecidedAction> after) {
        Set<String> lockedBefore = before.stream().map(DecidedAction::action).filter(a -> a.kind() == ActionKind.LOCK)
                .map(a -> a.accountId() + "/" + a.rule()).collect(Collectors.toSet());
        Set<String> lockedAgainAfter = after.stream().map(DecidedAction::action)
                .filter(a -> a.kind() == ActionKind.LOCK).map(a -> a.accountId() + "/" + a.rule())
                .collect(Collectors.toSet());
        return after.stream().map(DecidedAction::action).filter(a -> a.kind() == ActionKind.UNLOCK)
                .map(SavepointRestoreTest::key).filter(lockedBefore::contains).filter(k -> !lockedAgainAfter.contains(k))
                .collect(Collectors.toSet());
    }

    private static String key(Action a) {
        return a.accountId() + "/" + a.rule();
    }
}
