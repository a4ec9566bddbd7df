package io.riskguard.job.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * An in-process Flink cluster that outlives the jobs run on it, so a client can still read a
 * finished job's collected results and accumulators (a plain local environment shuts its cluster
 * down the moment the job ends).
 */
public final class LocalCluster implements AutoCloseable {

    private static final String EXECUTOR = "riskguard-local";

    private final MiniCluster cluster;

    private LocalCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    public static LocalCluster start(Configuration conf, int slots) throws Exception {
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalCluster(cluster);
    }

    /** An environment whose jobs run on this cluster. */
    public StreamExecutionEnvironment environment(Configuration conf) {
        Configuration target = new Configuration(conf);
        target.set(DeploymentOptions.TARGET, EXECUTOR);
        target.set(DeploymentOptions.ATTACHED, true);
        return new StreamExecutionEnvironment(new Executors(cluster), target,
                Thread.currentThread().getContextClassLoader());
    }

    /** The cluster itself, for what only it can tell (a job's checkpoint statistics). */
    public MiniCluster miniCluster() {
        return cluster;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    private record Executors(MiniCluster cluster) implements PipelineExecutorServiceLoader {
        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return new PipelineExecutorFactory() {
                @Override
                public String getName() {
                    return EXECUTOR;
                }

                @Override
                public boolean isCompatibleWith(Configuration c) {
                    return true;
                }

                @Override
                public PipelineExecutor getExecutor(Configuration c) {
                    return (Pipeline pipeline, Configuration conf, ClassLoader cl) -> submit(pipeline, conf, cl);
                }
            };
        }

        private CompletableFuture<JobClient> submit(Pipeline pipeline, Configuration conf, ClassLoader cl)
                throws Exception {
            return cluster.submitJob(PipelineExecutorUtils.getStreamGraph(pipeline, conf))
                    .thenApply(result -> new MiniClusterJobClient(result.getJobID(), cluster, cl,
                            MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(EXECUTOR);
        }
    }
}
