package io.riskguard.bench.job;

import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.job.pipeline.LocalCluster;
import io.riskguard.job.pipeline.RiskguardPipeline;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.SimulatedLiveSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Decision latency of the live job: SimulatedLiveSource (records stamped with the wall clock when
 * they are made) at a fixed rate, the job graph with live (arrival) ordering, and the time from a
 * record's creation to the end of AccountRisk's processing of it (an account event, or a quote with
 * every delivery it caused), and to the emission of each action.
 */
final class LatencyBench {

    private LatencyBench() {}

    static void run(Args args) throws Exception {
        int accounts = args.i("accounts", 10_000);
        double rate = args.d("rate", 5_000);
        int seconds = args.i("seconds", 60);
        int warmupSeconds = args.i("warmup-seconds", 15);
        int parallelism = args.i("parallelism", 2);
        long seed = args.l("seed", 1);
        Ordering ordering = args.ordering("ordering", Ordering.ARRIVAL);
        // trigger: every input record AccountRisk finishes, and actions; actions: actions only
        String probe = args.s("probe", "trigger");
        Path configFile = Path.of(args.s("config", "testdata/config/default.yaml"));
        String yaml = JobBenchmark.configYaml(configFile);

        JobBenchmark.header("latency");
        Path work = Files.createTempDirectory("riskguard-bench");
        try {
            Configuration conf = JobSettings.live(JobBenchmark.settings(work.resolve("checkpoints")));
            String bufferTimeout = "the live job's (" + conf.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis() + " ms)";
            if (args.has("buffer-timeout-ms")) {
                conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(args.l("buffer-timeout-ms", 100)));
                bufferTimeout = args.l("buffer-timeout-ms", 100) + " ms (benchmark override)";
            }
            System.out.printf("SimulatedLiveSource(accounts=%,d, %,.0f events/s, seed %d), ordering %s, parallelism %d "
                            + "(source 1), RocksDB, checkpoints every 10 s, network buffer timeout %s, probe %s, "
                            + "config %s; %d s warm-up, then %d s measured%n", accounts, rate, seed, ordering, parallelism,
                    bufferTimeout, probe, configFile, warmupSeconds, seconds);

            String jobName = "bench-latency-" + System.nanoTime();
            try (LocalCluster cluster = LocalCluster.start(conf, parallelism)) {
                StreamExecutionEnvironment env = cluster.environment(conf);
                env.setParallelism(parallelism);
                DataStream<SourceRecord> source = env
                        .fromSource(SimulatedLiveSource.create(accounts, rate, seed), SimulatedLiveSource.watermarks(),
                                "Simulated market", Types.SOURCE_RECORD)
                        .uid(RiskState.UID_SIMULATED_SOURCE).setParallelism(1);
                if (probe.equals("trigger")) {
                    BenchPipeline.timedRiskguard(source, yaml, configFile.toString(), ordering);
                } else {
                    RiskguardPipeline.Streams streams = RiskguardPipeline.build(source,
                            new RiskguardPipeline.Options(yaml, configFile.toString(), ordering));
                    streams.actions().map(BenchPipeline::stamp, Types.DECIDED_ACTION).name("Latency probe")
                            .sinkTo(new TimedDiscardingSink<>()).name("Discard actions");
                    streams.deadLetters().sinkTo(new TimedDiscardingSink<>()).name("Discard dead letters");
                }

                JobClient client = env.executeAsync(jobName);
                Thread.sleep(warmupSeconds * 1000L);
                Latencies.reset();
                long measuredFrom = System.currentTimeMillis();
                Histogram trigger = new Histogram(3_600_000_000L, 3);
                Histogram action = new Histogram(3_600_000_000L, 3);
                Histogram timerAction = new Histogram(3_600_000_000L, 3);
                double events0 = routedEvents(jobName);
                double inputs0 = BenchMetrics.sum("numRecordsIn", jobName, ".AccountRisk.");
                MachineLoad.Sample load0 = MachineLoad.sample();
                long t0 = System.nanoTime();
                double eventsPrev = events0;
                double inputsPrev = inputs0;
                long tPrev = t0;
                System.out.println("  window   events/s  AccountRisk inputs/s   trigger latency of the window");
                for (int s = 10; s <= seconds; s += 10) {
                    Thread.sleep(Math.max(0, (t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000));
                    Histogram window = Latencies.TRIGGER.getIntervalHistogram();
                    Histogram actionWindow = Latencies.ACTION.getIntervalHistogram();
                    trigger.add(window);
                    action.add(actionWindow);
                    timerAction.add(Latencies.TIMER_ACTION.getIntervalHistogram());
                    long now = System.nanoTime();
                    double events = routedEvents(jobName);
                    double inputs = BenchMetrics.sum("numRecordsIn", jobName, ".AccountRisk.");
                    Histogram shown = probe.equals("trigger") ? window : actionWindow;
                    System.out.printf("  %3d s %10.0f %21.0f   %s%n", s, (events - eventsPrev) / ((now - tPrev) / 1e9),
                            (inputs - inputsPrev) / ((now - tPrev) / 1e9), Latencies.describe(shown));
                    eventsPrev = events;
                    inputsPrev = inputs;
                    tPrev = now;
                }
                double elapsed = (tPrev - t0) / 1e9;
                MachineLoad.Usage load = MachineLoad.between(load0, MachineLoad.sample());
                System.out.println();
                System.out.printf("measured %.0f s: %,.0f events/s in (target %,.0f), %,.0f AccountRisk inputs/s; %s%s%n",
                        elapsed, (eventsPrev - events0) / elapsed, rate, (inputsPrev - inputs0) / elapsed, load,
                        load.disturbed() ? "  ** DISTURBED **" : "");
                if (probe.equals("trigger")) {
                    System.out.printf("decision latency, every record (event, or quote and its deliveries) done: %s%n",
                            Latencies.describe(trigger));
                }
                System.out.printf("decision latency, actions decided on an event or mark:        %s%n",
                        Latencies.describe(action));
                System.out.printf("timer lateness, actions decided by an engine timer (vs due time): %s%n",
                        Latencies.describe(timerAction));
                System.out.printf("account state written behind (checkpoints every 10 s): %,.0f account writes, "
                                + "longest pass %.0f ms on one subtask%n",
                        BenchMetrics.sum("accountStateWrites", jobName, ".AccountRisk."),
                        BenchMetrics.max("accountStateWriteMaxMillis", jobName, ".AccountRisk."));
                System.out.printf("AccountRisk's own synchronous snapshot part: longest %.0f ms on one subtask%n",
                        BenchMetrics.max("snapshotStateMaxMillis", jobName, ".AccountRisk."));
                CheckpointPhases.print(cluster.miniCluster(), client.getJobID(), measuredFrom);
                client.cancel().get();
            }
        } finally {
            JobBenchmark.deleteRecursively(work);
        }
    }

    /** Events the router passed on (all types), a measure of the rate actually achieved. */
    private static double routedEvents(String jobName) {
        return BenchMetrics.sum("events", jobName, ".Route events.");
    }
}
