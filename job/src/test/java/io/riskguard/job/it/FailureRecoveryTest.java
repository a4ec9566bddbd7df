package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import io.riskguard.job.support.CollectingSink;
import io.riskguard.job.support.FailOnce;
import io.riskguard.job.support.JobTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails three times at random points mid-stream; the job restarts from its checkpoints each
 * time. The actions (de-duplicated by id, as the broker sink does) must equal those of a run
 * without failures, which equals the reference replay.
 */
class FailureRecoveryTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = JobTestSupport.miniCluster(2);

    @TempDir
    Path work;

    @Test
    void threeTaskFailuresMidStreamChangeNoActionOnceDuplicatesAreResolvedById() throws Exception {
        Path day = JobTestSupport.generatedDay(work, 30, Duration.ofHours(2), 1.0, 6, 11);
        String config = JobTestSupport.defaultConfigYaml();
        List<String> reference = JobTestSupport.referenceActions(config, day);
        long inputs = JobTestSupport.accountEvents(day);
        Set<Long> failAt = randomPoints(new Random(42), inputs, 3);
        FailOnce.reset();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobTestSupport.configure(env, work.resolve("checkpoints"), Duration.ofMillis(200), 2);
        // slow enough that checkpoints complete between the failures
        DataStream<SourceRecord> source = env.fromSource(ReplaySource.create(List.of(day), null, 4000, false),
                ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD).uid("replay-source").setParallelism(1);
        RiskguardPipeline.Streams streams = RiskguardPipeline.build(source, new RiskguardPipeline.Options(config,
                "default.yaml", Ordering.EVENT_TIME,
                s -> s.map(new FailOnce(failAt), Types.ACCOUNT_INPUT).name("Fail three times")));
        streams.actions().sinkTo(new CollectingSink("recovery"));
        env.execute("recovery test");

        List<DecidedAction> written = CollectingSink.results("recovery");
        assertThat(FailOnce.failures()).as("injected failures").isEqualTo(3);
        assertThat(JobTestSupport.json(ReplayRunner.fileOrder(written))).containsExactlyElementsOf(reference);
    }

    /** Points spread over the middle of the stream, at least a few thousand records apart. */
    private static Set<Long> randomPoints(Random random, long inputs, int n) {
        Set<Long> points = new TreeSet<>();
        long span = inputs / (n + 1);
        for (int i = 1; i <= n; i++) {
            points.add(i * span + random.nextInt((int) (span / 2)));
        }
        return points;
    }
}
