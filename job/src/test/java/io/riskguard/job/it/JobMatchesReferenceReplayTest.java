package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.support.JobTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated session of many accounts (thousands of events, every rule firing) replayed by the
 * job equals, action for action, the single-threaded reference replay of the same events — at
 * parallelism 1 and 4.
 */
class JobMatchesReferenceReplayTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(4);

    @TempDir
    static Path work;

    static Path day;
    static String config;
    static List<String> reference;

    @BeforeAll
    static void simulateASession() throws Exception {
        day = JobTestSupport.generatedDay(work, 40, Duration.ofHours(3), 1.0, 6, 7);
        config = JobTestSupport.defaultConfigYaml();
        reference = JobTestSupport.referenceActions(config, day);
    }

    @Test
    void theReferenceReplayDecidesSomethingForEveryKindOfRule() {
        assertThat(reference).hasSizeGreaterThan(200);
        assertThat(String.join("\n", reference)).contains("\"kind\":\"LOCK\"", "\"kind\":\"UNLOCK\"",
                "\"kind\":\"FLATTEN\"", "\"kind\":\"CLOSE_POSITION\"", "\"kind\":\"CANCEL_ORDER\"");
    }

    @Test
    void theJobAtParallelismOneDecidesExactlyWhatTheReferenceReplayDecides() throws Exception {
        assertThat(run(1)).containsExactlyElementsOf(reference);
    }

    @Test
    void theJobAtParallelismFourDecidesExactlyWhatTheReferenceReplayDecides() throws Exception {
        assertThat(run(4)).containsExactlyElementsOf(reference);
    }

    private static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofSeconds(2), parallelism);
        ReplayRunner.Outcome outcome = ReplayRunner.execute(env,
                new ReplayRunner.Request(config, "default.yaml", List.of(day), null, parallelism, false));
        return JobTestSupport.json(outcome.actions());
    }
}
