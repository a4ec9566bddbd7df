package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.support.JobTestSupport;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.testing.FanOutStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job, which delivers a quote only to the holders whose quiet band it leaves, decides exactly
 * what the reference replay decides with every holder getting every quote (RULES.md §1.3), on 200
 * random streams ({@link FanOutStreams}: many accounts holding few contracts, prices wandering
 * across the RULE-004/005/012 thresholds, stops moved by the traders, the broker answering some
 * actions). The streams have their own accounts and contract months, so 25 of them at a time run as
 * one replay of 25 event files (the files merged by ts, as {@code replay --events} does), at
 * parallelism 4 and, for one batch, 1.
 */
class FanOutMatchesFullFanOutTest {

    private static final int BATCHES = 8;
    private static final int PER_BATCH = 25;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4);

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> twoHundredRandomStreamsDecideAsTheFullFanOut() {
        return IntStream.range(0, BATCHES).mapToObj(batch -> {
            int parallelism = batch == 0 ? 1 : 4;
            return DynamicTest.dynamicTest("streams " + (batch * PER_BATCH + 1) + "-" + (batch + 1) * PER_BATCH
                    + " at parallelism " + parallelism, () -> runBatch(batch, parallelism));
        });
    }

    private static void runBatch(int batch, int parallelism) throws Exception {
        List<FanOutStreams.Stream> streams = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
            FanOutStreams.Stream s = FanOutStreams.generate(20_000L + batch * PER_BATCH + i, i);
            Path file = work.resolve("batch-" + batch + "-stream-" + i + ".jsonl");
            Files.write(file, s.lines(), StandardCharsets.UTF_8);
            streams.add(s);
            files.add(file);
            lines.add(s.lines());
        }
        String config = FanOutStreams.config(streams);
        List<String> reference = JobTestSupport.json(
                new SequentialReplay(ConfigLoader.parse(config, "streams.yaml")).run(lines, null).actions());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofSeconds(2), parallelism);
        ReplayRunner.Outcome outcome = ReplayRunner.execute(env,
                new ReplayRunner.Request(config, "streams.yaml", files, null, parallelism, false));

        assertThat(reference).as("the streams decide something").hasSizeGreaterThan(PER_BATCH * 20);
        assertThat(JobTestSupport.json(outcome.actions())).containsExactlyElementsOf(reference);
    }
}
