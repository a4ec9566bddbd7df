package io.riskguard.bench.job;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * The whole-job benchmark (see docs/benchmarks.md and bench/run):
 * <ul>
 *   <li>{@code throughput}: the job, a pass-through job and a minimal stateful job on the same
 *       generated file, one after the other in this JVM, each on its own local cluster;</li>
 *   <li>{@code latency}: decision latency of the live job (arrival ordering) on the simulated
 *       market at a fixed rate;</li>
 *   <li>{@code memory}: process RSS, heap and state size per account with many accounts;</li>
 *   <li>{@code sweep}: the quote fan-out with 1k, 10k, 100k holders of one contract, each point in its
 *       own JVM ({@link SweepBench});</li>
 *   <li>{@code profile-summary FILE.jfr}: the hottest frames of a flight recording.</li>
 *   <li>{@code rocksdb-flush}: RocksDB's native checkpoint alone, after N writes ({@link RocksDbFlushProbe}).</li>
 * </ul>
 */
public final class JobBenchmark {

    private JobBenchmark() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String mode = args.positional.isEmpty() ? "help" : args.positional.get(0);
        extraFlinkSettings(args);
        switch (mode) {
            case "throughput" -> ThroughputBench.run(args);
            case "latency" -> LatencyBench.run(args);
            case "memory" -> MemoryBench.run(args);
            case "sweep" -> SweepBench.run(args);
            case "sweep-point" -> SweepBench.runPoint(args);
            case "profile-summary" -> JfrSummary.run(args);
            case "rocksdb-flush" -> RocksDbFlushProbe.run(args);
            case "inspect" -> inspect(args);
            default -> {
                System.err.println("usage: JobBenchmark throughput|latency|memory|sweep|profile-summary|rocksdb-flush [--option value ...]"
                        + " (see docs/benchmarks.md)");
                System.exit(2);
            }
        }
        System.exit(0); // Flink leaves non-daemon threads behind
    }

    /** Writes an input as the benchmarks would and prints what it holds (for choosing settings). */
    private static void inspect(Args args) throws Exception {
        Path out = Path.of(args.s("out", "/tmp/riskguard-bench-input.jsonl"));
        long t0 = System.nanoTime();
        BenchInput in = BenchInput.generate(out, args.i("accounts", 10_000), args.l("events", 1_000_000),
                args.d("quotes-per-second", ThroughputBench.DEFAULT_QUOTES_PER_SECOND),
                args.d("entries-per-hour", ThroughputBench.DEFAULT_ENTRIES_PER_HOUR));
        if (!args.flag("quiet")) {
            ThroughputBench.describeInput(out, in.stats(), (System.nanoTime() - t0) / 1e9);
        }
        if (!args.flag("keep")) {
            Files.delete(out);
        }
    }

    static void header(String what) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("== riskguard job benchmark: %s ==%n", what);
        System.out.printf("date %s | %d cores | %.1f GB RAM | Java %s | max heap %d MB | JVM flags %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), rt.availableProcessors(),
                totalMemoryGb(), System.getProperty("java.version"), rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList());
        System.out.printf("load average at start: %s%n", MachineLoad.loadAverage());
    }

    private static double totalMemoryGb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return 0;
    }

    /**
     * The job's own settings ({@link io.riskguard.job.pipeline.JobSettings#base}: RocksDB,
     * incremental checkpoints every 10 s, ...) plus what only the benchmark needs: its metric
     * reporter and a free port for the cluster's REST endpoint (others may be running a cluster).
     */
    static org.apache.flink.configuration.Configuration settings(Path checkpoints) {
        var conf = io.riskguard.job.pipeline.JobSettings.base(checkpoints, java.time.Duration.ofSeconds(10));
        BenchMetrics.enable(conf);
        conf.set(org.apache.flink.configuration.RestOptions.BIND_PORT, "0");
        if (!extraFlinkSettings.isEmpty()) {
            conf.addAll(org.apache.flink.configuration.Configuration.fromMap(extraFlinkSettings));
        }
        return conf;
    }

    /** {@code --flink key=value,key=value}: experiments with Flink settings the job does not set. */
    private static final java.util.Map<String, String> extraFlinkSettings = new java.util.LinkedHashMap<>();

    static void extraFlinkSettings(Args args) {
        if (args.has("flink")) {
            for (String kv : args.s("flink", "").split(",")) {
                String[] p = kv.split("=", 2);
                extraFlinkSettings.put(p[0].trim(), p[1].trim());
            }
            System.out.println("EXPERIMENT: Flink settings added to the job's: " + extraFlinkSettings);
        }
    }

    static String configYaml(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory
        }
    }

    static long directorySize(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (Exception e) {
                    return 0; // removed meanwhile
                }
            }).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
