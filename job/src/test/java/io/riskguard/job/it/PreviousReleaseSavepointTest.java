package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.job.support.CollectingSink;
import io.riskguard.job.support.JobTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint written by the previous release (checked in under
 * {@code src/test/resources/savepoints/v1-mid-day}, see its README) restores into this one: the
 * seven small ValueStates of each account become one, the accounts' own copies of contract marks
 * seed the quote book, MarkToMarket's holders are dropped, the Flink timers of buffered triggers
 * run out. Restored at another parallelism, the rest of the day decides exactly what the reference
 * replay decides after the actions emitted before the savepoint — locks set before it included.
 */
class PreviousReleaseSavepointTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4);

    private static final Path FIXTURE = Path.of("src/test/resources/savepoints/v1-mid-day");

    @TempDir
    Path work;

    @Test
    void aMidDaySavepointOfThePreviousReleaseRestoresAndTheDayEndsAsTheReferenceDecides() throws Exception {
        Path savepoint = copy(FIXTURE.resolve("savepoint"), work.resolve("savepoint"));
        Path day = FIXTURE.resolve("day.jsonl");
        String config = Files.readString(FIXTURE.resolve("config.yaml"), StandardCharsets.UTF_8);
        List<String> before = lines("before.jsonl");
        List<String> reference = lines("reference.jsonl");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofMillis(500), 3);
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint.toUri().toString());
        env.configure(restore);
        DataStream<SourceRecord> source = env.fromSource(
                ReplaySource.create(List.of(day), null, RateLimiterStrategy.noOp(), false, 0),
                ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD).uid("replay-source").setParallelism(1);
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                new RiskguardPipeline.Options(config, "default.yaml", Ordering.EVENT_TIME));
        streams.actions().sinkTo(new CollectingSink("v1-restore")).uid("test-sink");
        env.execute("previous release savepoint");

        List<String> after = JobTestSupport.json(ReplayRunner.fileOrder(CollectingSink.results("v1-restore")));
        assertThat(before).as("the fixture: actions before the savepoint").hasSize(225);
        assertThat(after).as("a lock set before the savepoint ends after the restore, at its instant").contains(
                "{\"id\":\"20017:RULE-007:UNLOCK:timer:2026-03-02T15:07:08.046Z:0\",\"ts\":\"2026-03-02T15:07:08.046Z\","
                        + "\"accountId\":20017,\"rule\":\"RULE-007\",\"kind\":\"UNLOCK\",\"scope\":\"account\","
                        + "\"reason\":\"lock of RULE-007 ended at 2026-03-02T15:07:08.046Z\",\"configVersion\":7}");
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).containsExactlyElementsOf(reference);
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(FIXTURE.resolve(file), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .toList();
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
