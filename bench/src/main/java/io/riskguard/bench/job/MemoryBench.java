package io.riskguard.bench.job;

import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.pipeline.LocalCluster;
import io.riskguard.job.serde.Types;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBNativeMetricOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Memory with many accounts: the job (live ordering by default) reads a generated input that
 * touches every account, keeps running once it is through, and the benchmark reports this
 * process's RSS (MiniCluster: JobManager, TaskManager and client in one JVM) and heap, and the
 * state size per account from the last full checkpoint and from RocksDB's own estimate.
 */
final class MemoryBench {

    static final double DEFAULT_QUOTES_PER_SECOND = 0.5;
    static final double DEFAULT_ENTRIES_PER_HOUR = 0.5;

    private MemoryBench() {}

    static void run(Args args) throws Exception {
        int accounts = args.i("accounts", 100_000);
        long events = args.l("events", 1_500_000);
        double quotesPerSecond = args.d("quotes-per-second", DEFAULT_QUOTES_PER_SECOND);
        double entriesPerHour = args.d("entries-per-hour", DEFAULT_ENTRIES_PER_HOUR);
        int parallelism = args.i("parallelism", 2);
        Ordering ordering = args.ordering("ordering", Ordering.ARRIVAL);
        long timeoutSeconds = args.l("timeout-seconds", 3600);
        Path configFile = Path.of(args.s("config", "testdata/config/default.yaml"));
        String yaml = JobBenchmark.configYaml(configFile);

        JobBenchmark.header("memory");
        Path work = Files.createTempDirectory("riskguard-bench");
        try {
            // The input is written by a child JVM: simulating 100k traders takes a few GB of heap, which
            // would otherwise stay in this process's peak RSS.
            Path input = args.has("input") ? Path.of(args.s("input", null)) : work.resolve("events.jsonl");
            long t0 = System.nanoTime();
            if (!args.has("input")) {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), JobBenchmark.class.getName(), "inspect",
                        "--keep", "--quiet", "--out", input.toString(), "--accounts", String.valueOf(accounts),
                        "--events", String.valueOf(events), "--quotes-per-second", String.valueOf(quotesPerSecond),
                        "--entries-per-hour", String.valueOf(entriesPerHour)).inheritIO().start();
                if (child.waitFor() != 0) {
                    throw new IllegalStateException("input generation failed");
                }
                System.out.printf("input: MarketSimulator(accounts=%,d, quotesPerSecond=%s, entriesPerHour=%s, "
                        + "seed=%d), first %,d lines, written by a child JVM%n", accounts, quotesPerSecond,
                        entriesPerHour, BenchInput.SEED, events);
            }
            BenchInput.Stats stats = BenchInput.analyze(input);
            ThroughputBench.describeInput(input, stats, (System.nanoTime() - t0) / 1e9);
            System.gc();
            long rssBefore = MachineLoad.statusKb("VmRSS");
            System.out.printf("JVM before the cluster starts: RSS %,d MB, heap used %,d MB%n", rssBefore >> 10,
                    MachineLoad.heap().getUsed() >> 20);

            Path checkpoints = work.resolve("checkpoints");
            Configuration conf = JobBenchmark.settings(checkpoints);
            for (var option : List.of(RocksDBNativeMetricOptions.ESTIMATE_LIVE_DATA_SIZE,
                    RocksDBNativeMetricOptions.MONITOR_TOTAL_SST_FILES_SIZE,
                    RocksDBNativeMetricOptions.MONITOR_SIZE_ALL_MEM_TABLES,
                    RocksDBNativeMetricOptions.BLOCK_CACHE_USAGE,
                    RocksDBNativeMetricOptions.ESTIMATE_TABLE_READERS_MEM,
                    RocksDBNativeMetricOptions.ESTIMATE_NUM_KEYS)) {
                conf.set(option, true);
            }
            String jobName = "bench-memory-" + System.nanoTime();
            try (LocalCluster cluster = LocalCluster.start(conf, parallelism)) {
                StreamExecutionEnvironment env = cluster.environment(conf);
                env.setParallelism(parallelism);
                DataStream<SourceRecord> source = env
                        .fromSource(HoldingReplaySource.create(input),
                                io.riskguard.job.source.ReplaySource.watermarks(), "Replay files", Types.SOURCE_RECORD)
                        .uid(RiskState.UID_REPLAY_SOURCE).setParallelism(1);
                BenchPipeline.riskguard(source, yaml, configFile.toString(), ordering);

                AtomicLong peakRss = new AtomicLong();
                AtomicLong peakHeapUsed = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakRss.accumulateAndGet(MachineLoad.statusKb("VmRSS"), Math::max);
                        peakHeapUsed.accumulateAndGet(MachineLoad.heap().getUsed(), Math::max);
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "rss-sampler");
                sampler.setDaemon(true);
                sampler.start();

                long start = System.nanoTime();
                JobClient client = env.executeAsync(jobName);
                long expected = stats.accountRiskRecords(parallelism);
                long deadline = start + timeoutSeconds * 1_000_000_000L;
                double inputs = 0;
                long lastReport = start;
                while (System.nanoTime() < deadline) {
                    inputs = BenchMetrics.sum("numRecordsIn", jobName, ".AccountRisk.");
                    if (HoldingReplaySource.done() && inputs >= expected) {
                        break;
                    }
                    JobStatus status = client.getJobStatus().get();
                    if (status.isGloballyTerminalState()) {
                        throw new IllegalStateException("job ended: " + status);
                    }
                    if (System.nanoTime() - lastReport > 30_000_000_000L) {
                        lastReport = System.nanoTime();
                        System.out.printf("  %4.0f s: AccountRisk inputs %,.0f of %,d, RSS %,d MB%n",
                                (lastReport - start) / 1e9, inputs, expected, MachineLoad.statusKb("VmRSS") >> 10);
                    }
                    Thread.sleep(200);
                }
                double processSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("all %,.0f AccountRisk inputs processed after %.0f s (%,.0f lines/s, %,.0f inputs/s)%n",
                        inputs, processSeconds, stats.lines() / processSeconds, inputs / processSeconds);

                // two checkpoints later, one has been taken entirely after the last input
                double completed = BenchMetrics.sum("numberOfCompletedCheckpoints", jobName);
                while (BenchMetrics.sum("numberOfCompletedCheckpoints", jobName) < completed + 2
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                double fullSize = BenchMetrics.sum("lastCheckpointFullSize", jobName);
                double incrementalSize = BenchMetrics.sum("lastCheckpointSize", jobName);
                long dirSize = JobBenchmark.directorySize(checkpoints);
                double liveData = BenchMetrics.sum("rocksdb_estimate-live-data-size", jobName);
                double sstFiles = BenchMetrics.sum("rocksdb_total-sst-files-size", jobName);
                double memTables = BenchMetrics.sum("rocksdb_size-all-mem-tables", jobName);
                double tableReaders = BenchMetrics.sum("rocksdb_estimate-table-readers-mem", jobName);
                double keys = BenchMetrics.sum("rocksdb_estimate-num-keys", jobName);
                double blockCache = BenchMetrics.sum("rocksdb_block-cache-usage", jobName, ".AccountRisk.0.positions.")
                        + BenchMetrics.sum("rocksdb_block-cache-usage", jobName, ".AccountRisk.1.positions.");
                var liveByState = BenchMetrics.sumByGroup("rocksdb_estimate-live-data-size", jobName);
                if (args.flag("list-metrics")) {
                    BenchMetrics.names(jobName).forEach(System.out::println);
                }

                long rss = MachineLoad.statusKb("VmRSS");
                long hwm = MachineLoad.statusKb("VmHWM");
                MemoryUsage heapBeforeGc = MachineLoad.heap();
                System.gc();
                MemoryUsage heap = MachineLoad.heap();
                sampler.interrupt();

                System.out.println();
                System.out.printf("state after all %,d accounts (%d completed checkpoints):%n", stats.accountsTouched(),
                        (long) BenchMetrics.sum("numberOfCompletedCheckpoints", jobName));
                System.out.printf("  last checkpoint, full size (Flink lastCheckpointFullSize): %,.0f bytes = %,.0f bytes "
                        + "per account (incremental part %,.0f bytes)%n", fullSize, fullSize / stats.accountsTouched(),
                        incrementalSize);
                System.out.printf("  checkpoint directory on disk: %,d bytes = %,.0f bytes per account%n", dirSize,
                        (double) dirSize / stats.accountsTouched());
                System.out.printf("  RocksDB estimate-live-data-size (all operators): %,.0f bytes = %,.0f bytes per "
                        + "account; total SST files %,.0f bytes; ~%,.0f keys%n", liveData,
                        liveData / stats.accountsTouched(), sstFiles, keys);
                StringBuilder byState = new StringBuilder();
                liveByState.entrySet().stream().filter(e -> e.getValue() > 0)
                        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(e -> byState.append(String.format(" %s %.0f,", e.getKey(),
                                e.getValue() / stats.accountsTouched())));
                System.out.printf("    by state, bytes per account:%s%n", byState);
                System.out.printf("  RocksDB memory: memtables %,.0f MB, table readers %,.0f MB, block cache (one per "
                        + "slot, both) %,.0f MB%n", memTables / 1e6, tableReaders / 1e6, blockCache / 1e6);
                System.out.printf("process (JobManager + TaskManager + client in one JVM):%n");
                System.out.printf("  RSS now %,d MB, peak sampled while the job ran %,d MB (VmHWM %,d MB: the process "
                        + "peak, input analysis included)%n", rss >> 10, peakRss.get() >> 10, hwm >> 10);
                System.out.printf("  heap used %,d MB before GC, %,d MB after GC (peak sampled %,d MB), committed "
                        + "%,d MB, max %,d MB; non-heap used %,d MB%n", heapBeforeGc.getUsed() >> 20, heap.getUsed() >> 20,
                        peakHeapUsed.get() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20,
                        MachineLoad.nonHeap().getUsed() >> 20);
                client.cancel().get();
            }
        } finally {
            JobBenchmark.deleteRecursively(work);
        }
    }
}
