package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.support.JobTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of testdata/scenarios through the real job (MiniCluster, RocksDB, checkpoints) at
 * parallelism 1 and 4: the actions must equal the hand-computed expected.jsonl byte for byte.
 */
class JobScenarioTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4);

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesItsExpectedActionsAtParallelismOneAndFour() throws Exception {
        List<Path> scenarios = JobTestSupport.scenarios();
        assertThat(scenarios).isNotEmpty();
        return scenarios.stream().flatMap(dir -> Stream.of(1, 4).map(p -> DynamicTest.dynamicTest(
                dir.getFileName() + " at parallelism " + p, () -> replay(dir, p))));
    }

    private static void replay(Path dir, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofSeconds(1), parallelism);
        String yaml = Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8);
        ReplayRunner.Outcome outcome = ReplayRunner.execute(env, new ReplayRunner.Request(yaml, "config.yaml",
                List.of(dir.resolve("events.jsonl")), null, parallelism, false));
        List<String> expected = Files.readAllLines(dir.resolve("expected.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(JobTestSupport.json(outcome.actions())).containsExactlyElementsOf(expected);
    }
}
