package io.riskguard.bench.job;

import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.operators.RiskState;
import io.riskguard.job.pipeline.LocalCluster;
import io.riskguard.job.serde.Types;
import io.riskguard.job.source.ReplaySource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Events per second of the job and of two baselines on the same generated file: each job is read
 * by the job's own ReplaySource (parsed at the source, parallelism 1), keyed by account, ends in a
 * discarding sink, and runs on its own local cluster (RocksDB, incremental checkpoints every 10 s:
 * JobSettings.base) at parallelism 2, one after the other in this JVM.
 *
 * <p>Jobs: {@code passthrough} and {@code stateful} (the baselines: no fan-out, no rules, none or
 * one ValueState and one MapState write per record), {@code riskguard} (the job's own graph) and,
 * as a diagnostic, {@code source} (the source and the routing step alone, chained into the sink:
 * the ceiling the single-threaded source sets). For riskguard it also reports the triggers per input
 * line: those the full fan-out of RULES.md §1.3 makes (computed from the file) and those AccountRisk
 * ran (its {@code triggers} metric), and the quote deliveries its quiet bands skipped. A job still running after {@code --max-seconds} is
 * cancelled; its rate is then the lines it routed per second until then. A job that finishes
 * within a minute runs {@code --repeat} times (default 3) and its median run is reported. Before
 * the measured runs each job runs once untimed on the first {@code --warmup-lines} lines (default:
 * all of them), so that all measured runs see compiled code. {@code --sample-threads
 * AccountRisk} prints where that task's time goes ({@link StackSampler}).
 */
final class ThroughputBench {

    /** 10k accounts, 1M lines: about 70% quotes (see docs/benchmarks.md for how these were chosen). */
    static final double DEFAULT_QUOTES_PER_SECOND = 175;
    static final double DEFAULT_ENTRIES_PER_HOUR = 0.5;

    record Result(String job, long lines, boolean finished, double seconds, double submitToEndOfInputSeconds,
            double linesRouted, double keyedInputs, double actions, double triggers, double quoteDeliveries,
            double quoteDeliveriesSkipped, MachineLoad.Usage load) {

        /** Lines per second: the whole file over submit→finish, or the lines routed until the cut. */
        double eventsPerSecond() {
            return (finished ? lines : linesRouted) / seconds;
        }

        double eventsPerSecondToEndOfInput() {
            return finished ? lines / submitToEndOfInputSeconds : Double.NaN;
        }

        double keyedInputsPerSecond() {
            return keyedInputs / seconds;
        }
    }

    /** {@code --thread-cpu}: print where each job's CPU went, by thread. */
    static boolean THREAD_CPU;

    private ThroughputBench() {}

    static void run(Args args) throws Exception {
        int accounts = args.i("accounts", 10_000);
        long events = args.l("events", 1_000_000);
        double quotesPerSecond = args.d("quotes-per-second", DEFAULT_QUOTES_PER_SECOND);
        double entriesPerHour = args.d("entries-per-hour", DEFAULT_ENTRIES_PER_HOUR);
        int parallelism = args.i("parallelism", 2);
        Ordering ordering = args.ordering("ordering", Ordering.EVENT_TIME);
        List<String> jobs = args.list("jobs", "passthrough,stateful,riskguard");
        // JIT warm-up on the whole input by default: a shorter one leaves the code paths of the later
        // trading hours to be compiled during the first measured run, which then runs at half speed
        long warmupLines = args.l("warmup-lines", Long.MAX_VALUE);
        long maxSeconds = args.l("max-seconds", 0);
        int repeat = args.i("repeat", 3);
        THREAD_CPU = args.flag("thread-cpu");
        Path configFile = Path.of(args.s("config", "testdata/config/default.yaml"));
        String yaml = JobBenchmark.configYaml(configFile);

        JobBenchmark.header("throughput");
        Path work = Files.createTempDirectory("riskguard-bench");
        try {
            Path input;
            BenchInput.Stats stats;
            long t0 = System.nanoTime();
            if (args.has("input")) {
                input = Path.of(args.s("input", null));
                stats = BenchInput.analyze(input);
                System.out.printf("input %s%n", input);
            } else {
                input = work.resolve("events.jsonl");
                stats = BenchInput.generate(input, accounts, events, quotesPerSecond, entriesPerHour).stats();
                System.out.printf("input: MarketSimulator(accounts=%,d, quotesPerSecond=%s, entriesPerHour=%s, seed=%d),"
                        + " first %,d lines%n", accounts, quotesPerSecond, entriesPerHour, BenchInput.SEED, events);
            }
            describeInput(input, stats, (System.nanoTime() - t0) / 1e9);
            System.out.printf("jobs %s: parallelism %d (source 1), RocksDB, incremental checkpoints every 10 s, "
                            + "riskguard ordering %s%s, config %s%s%n", jobs, parallelism, ordering,
                    ordering == Ordering.ARRIVAL ? " (every job with the live jobs' 1 ms network buffer timeout)" : "",
                    configFile,
                    maxSeconds > 0 ? ", jobs cut after " + maxSeconds + " s" : "");

            if (warmupLines > 0) {
                Path warm = warmupLines >= stats.lines() ? input : work.resolve("warmup.jsonl");
                long n = warm == input ? stats.lines() : head(input, warm, warmupLines);
                System.out.printf("%nwarm-up (JIT), each job once on the first %,d lines, not timed:%n", n);
                for (String job : jobs) {
                    Result r = runJob(job, warm, n, ordering, parallelism, work, yaml, configFile.toString(),
                            maxSeconds, null);
                    System.out.printf("  %-12s %6.1f s%n", job, r.seconds());
                }
            }

            System.out.printf("%nmeasured runs (%,d lines each):%n", stats.lines());
            Map<String, Result> results = new LinkedHashMap<>();
            Map<String, List<Result>> repeats = new LinkedHashMap<>();
            for (String job : jobs) {
                List<Result> runs = new ArrayList<>();
                do {
                    Result r = runJob(job, input, stats.lines(), ordering, parallelism, work, yaml,
                            configFile.toString(), maxSeconds,
                            args.has("sample-threads") ? args.s("sample-threads", null) : null);
                    runs.add(r);
                    System.out.printf("  %-12s %s after %.1f s (end of input at the sinks after %.1f s), lines routed "
                                    + "%s, keyed operator inputs %,.0f, actions %,.0f; %s%s%n",
                            job, r.finished() ? "finished" : "CUT", r.seconds(), r.submitToEndOfInputSeconds(),
                            // only the job's own RouteEvents counts the lines it routes
                            r.linesRouted() > 0 ? String.format("%,.0f", r.linesRouted()) : "(not counted)",
                            r.keyedInputs(), r.actions(), r.load(),
                            r.load().disturbed() ? "  ** DISTURBED **" : "");
                    // short runs are repeated (--repeat, default 3): the median is reported
                } while (runs.size() < repeat && runs.get(0).finished() && runs.get(0).seconds() < 60);
                List<Result> sorted = new ArrayList<>(runs);
                sorted.sort(java.util.Comparator.comparingDouble(Result::seconds));
                results.put(job, sorted.get(sorted.size() / 2));
                repeats.put(job, sorted);
            }
            printTable(results, stats);
            repeats.forEach((job, runs) -> {
                if (runs.size() > 1) {
                    System.out.printf("%s: %d runs, events/s %s (median above)%n", job, runs.size(),
                            runs.stream().map(r -> String.format("%,.0f%s", r.eventsPerSecond(),
                                    r.load().disturbed() ? " (disturbed)" : "")).toList());
                }
            });
        } finally {
            if (!args.flag("keep")) {
                JobBenchmark.deleteRecursively(work);
            } else {
                System.out.println("kept " + work);
            }
        }
    }

    static void describeInput(Path input, BenchInput.Stats s, double seconds) throws Exception {
        System.out.printf("  %,d lines (%.0f MB, %.1f s to write and analyse): quotes %,d (%.1f%%), position %,d, "
                        + "other account events %,d; %,d accounts; %s simulated%n",
                s.lines(), Files.size(input) / 1e6, seconds, s.quotes(), 100 * s.quoteShare(), s.position(), s.other(),
                s.accountsTouched(), s.simulated());
        System.out.printf("  full fan-out (RULES.md §1.3, one trigger per quote and holder): %,d quote triggers (%.1f "
                        + "holders per quote on average, at most %d) + %,d account events = %,d triggers = %.1f per "
                        + "input line%n", s.marks(), s.meanHoldersPerQuote(), s.maxHolders(), s.accountEvents(),
                s.accountRiskInputs(), (double) s.accountRiskInputs() / s.lines());
    }

    static Result runJob(String job, Path input, long lines, Ordering ordering, int parallelism, Path work,
            String yaml, String configName, long maxSeconds, String sampleThreads) throws Exception {
        String jobName = "bench-" + job + "-" + System.nanoTime();
        Configuration conf = JobBenchmark.settings(work.resolve("checkpoints-" + jobName));
        if (ordering == Ordering.ARRIVAL) {
            // as `run` and `local` apply arrival ordering: live network settings, for every job of the run
            io.riskguard.job.pipeline.JobSettings.live(conf);
        }
        try (LocalCluster cluster = LocalCluster.start(conf, parallelism)) {
            StreamExecutionEnvironment env = cluster.environment(conf);
            env.setParallelism(parallelism);
            DataStream<SourceRecord> source = env
                    .fromSource(ReplaySource.create(List.of(input), null, 0, false), ReplaySource.watermarks(),
                            "Replay files", Types.SOURCE_RECORD)
                    .uid(RiskState.UID_REPLAY_SOURCE).setParallelism(1);
            String keyedOperator;
            switch (job) {
                case "source" -> {
                    BenchPipeline.sourceOnly(source);
                    keyedOperator = ".Discard.";
                }
                case "passthrough" -> {
                    BenchPipeline.baseline(source, false);
                    keyedOperator = ".PassThrough.";
                }
                case "stateful" -> {
                    BenchPipeline.baseline(source, true);
                    keyedOperator = ".MinimalState.";
                }
                case "riskguard" -> {
                    BenchPipeline.riskguard(source, yaml, configName, ordering);
                    keyedOperator = ".AccountRisk.";
                }
                default -> throw new IllegalArgumentException("unknown job " + job);
            }
            TimedDiscardingSink.reset();
            MachineLoad.Sample before = MachineLoad.sample();
            ThreadCpu.Recorder threads = THREAD_CPU ? new ThreadCpu.Recorder() : null;
            long start = System.nanoTime();
            JobClient client = env.executeAsync(jobName);
            StackSampler sampler = sampleThreads == null ? null : new StackSampler(sampleThreads, 10);
            boolean finished = true;
            try {
                if (maxSeconds > 0) {
                    client.getJobExecutionResult().get(maxSeconds, TimeUnit.SECONDS);
                } else {
                    client.getJobExecutionResult().get();
                }
            } catch (TimeoutException cut) {
                finished = false;
            }
            long end = System.nanoTime();
            MachineLoad.Sample after = MachineLoad.sample();
            if (threads != null) {
                threads.close();
                threads.print((end - start) / 1e9, 12);
            }
            if (sampler != null) {
                sampler.close();
                sampler.print(20);
            }
            double routed = BenchMetrics.sum("events", jobName, ".Route events.");
            double keyedInputs = BenchMetrics.sum("numRecordsIn", jobName, keyedOperator);
            double actions = BenchMetrics.sum("actions", jobName, ".AccountRisk.");
            double triggers = BenchMetrics.sum("triggers", jobName, ".AccountRisk.");
            double delivered = BenchMetrics.sum("quoteDeliveries", jobName, ".AccountRisk.");
            double skipped = BenchMetrics.sum("quoteDeliveriesSkipped", jobName, ".AccountRisk.");
            if (triggers > 0) {
                System.out.printf("  (account state written behind: %,.0f account writes for %,.0f triggers, longest "
                                + "write pass %.0f ms on one subtask)%n",
                        BenchMetrics.sum("accountStateWrites", jobName, ".AccountRisk."), triggers,
                        BenchMetrics.max("accountStateWriteMaxMillis", jobName, ".AccountRisk."));
            }
            if (!finished) {
                client.cancel().get();
            }
            long endOfInput = TimedDiscardingSink.lastEndOfInputNanos();
            return new Result(job, lines, finished, (end - start) / 1e9,
                    endOfInput == 0 ? Double.NaN : (endOfInput - start) / 1e9, routed, keyedInputs, actions,
                    triggers, delivered, skipped, MachineLoad.between(before, after));
        }
    }

    private static void printTable(Map<String, Result> results, BenchInput.Stats stats) {
        System.out.println();
        System.out.printf("%-12s %10s %10s %12s %15s %23s %22s   %s%n", "job", "lines", "seconds", "events/s",
                "to end of input", "keyed operator inputs/s", "events per CPU-second", "cores: this JVM / others");
        for (Result r : results.values()) {
            System.out.printf("%-12s %,10.0f %8.1f s%s %,12.0f %13.1f s %23s %22s   %.2f / %.2f%s%n", r.job(),
                    r.finished() ? (double) r.lines() : r.linesRouted(), r.seconds(), r.finished() ? " " : "*",
                    r.eventsPerSecond(), r.submitToEndOfInputSeconds(), String.format("%,.0f", r.keyedInputsPerSecond()),
                    String.format("%,.0f", r.eventsPerSecond() / r.load().selfCores()), r.load().selfCores(),
                    r.load().otherCores(), r.load().disturbed() ? " DISTURBED" : "");
        }
        System.out.println("events/s: lines of the file per second, submit to finish; events per CPU-second: the same per"
                + " core this JVM used (less sensitive to other processes)");
        if (results.values().stream().anyMatch(r -> !r.finished())) {
            System.out.println("* cut before the end of the file: lines routed until the cut, per second");
        }
        Result pass = results.get("passthrough");
        Result stateful = results.get("stateful");
        Result rg = results.get("riskguard");
        System.out.println();
        ratio("riskguard / minimal stateful", rg, stateful);
        ratio("riskguard / pass-through", rg, pass);
        ratio("minimal stateful / pass-through", stateful, pass);
        ratio("pass-through / source alone", pass, results.get("source"));
        if (rg != null) {
            double lines = rg.finished() ? rg.lines() : rg.linesRouted();
            long quoteTriggers = stats.marks();
            System.out.printf("%nriskguard triggers per input line: full fan-out (RULES.md §1.3, computed from the file) "
                    + "%.2f; run by AccountRisk %.2f (%,.0f triggers over %,.0f lines)%n",
                    (double) stats.accountRiskInputs() / stats.lines(), rg.triggers() / lines, rg.triggers(), lines);
            double holderQuotes = rg.quoteDeliveries() + rg.quoteDeliveriesSkipped();
            System.out.printf("quote triggers: %,.0f of %,.0f delivered, %,.0f skipped inside quiet bands (%.2f %%)"
                    + "%s%n", rg.quoteDeliveries(), holderQuotes, rg.quoteDeliveriesSkipped(),
                    holderQuotes == 0 ? 0 : 100 * rg.quoteDeliveriesSkipped() / holderQuotes,
                    rg.finished() ? String.format("; the file's full fan-out: %,d", quoteTriggers) : "");
        }
        List<String> disturbed = new ArrayList<>();
        results.values().stream().filter(r -> r.load().disturbed()).forEach(r -> disturbed.add(r.job()));
        System.out.println(disturbed.isEmpty() ? "no run was disturbed by other processes (< 0.15 cores on average)"
                : "DISTURBED by other processes (> 0.15 cores on average): " + disturbed);
    }

    private static void ratio(String label, Result a, Result b) {
        if (a == null || b == null) {
            return;
        }
        System.out.printf("%-40s %7.4fx%n", label, a.eventsPerSecond() / b.eventsPerSecond());
    }

    /** Copies the first {@code n} lines. */
    static long head(Path from, Path to, long n) throws Exception {
        long written = 0;
        try (BufferedReader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            String line;
            while (written < n && (line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                written++;
            }
        }
        return written;
    }
}
