package io.riskguard.job.support;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.job.generate.MarketSimulator;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.replay.SequentialReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** Shared by the job's MiniCluster tests: scenario files, generated days, the reference replay. */
public final class JobTestSupport {

    private JobTestSupport() {}

    /**
     * An in-process cluster for a test class: one TaskManager with {@code slots} slots and the
     * managed memory (RocksDB's) the job's own in-process clusters get.
     */
    public static MiniClusterExtension miniCluster(int slots) {
        return miniCluster(slots, new Configuration());
    }

    /** The same, with {@code reporter} receiving every metric of the cluster's jobs. */
    public static MiniClusterExtension miniCluster(int slots, InMemoryReporter reporter) {
        return miniCluster(slots, reporter.addToConfiguration(new Configuration()));
    }

    private static MiniClusterExtension miniCluster(int slots, Configuration conf) {
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, JobSettings.IN_PROCESS_MANAGED_MEMORY);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setConfiguration(conf)
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(slots).build());
    }

    public static Path testdata() {
        return Path.of(System.getProperty("riskguard.testdata", "../testdata"));
    }

    public static List<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(testdata().resolve("scenarios"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("events.jsonl"))).sorted().toList();
        }
    }

    public static String defaultConfigYaml() throws IOException {
        return Files.readString(testdata().resolve("config/default.yaml"), StandardCharsets.UTF_8);
    }

    /** A simulated trading session written to {@code dir}; the events all tests compare on. */
    public static Path generatedDay(Path dir, int accounts, Duration length, double quotesPerSecond,
            double entriesPerHour, long seed) throws IOException {
        Instant start = Instant.parse("2026-03-02T14:30:00Z");
        List<String> lines = MarketSimulator.lines(new MarketSimulator.Settings(accounts, 20_001, start,
                start.plus(length), quotesPerSecond, entriesPerHour, seed));
        Path file = dir.resolve("day-" + seed + ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The lines of a day that reach AccountRisk's keyed input (what a probe in front of it counts): not quotes or clocks. */
    public static long accountEvents(Path day) throws IOException {
        try (Stream<String> lines = Files.lines(day)) {
            return lines.filter(l -> !l.contains("\"type\":\"quote\"") && !l.contains("\"type\":\"clock\"")).count();
        }
    }

    /** What the single-threaded reference replay decides for these events: the expected job output. */
    public static List<String> referenceActions(String configYaml, Path events) throws Exception {
        SequentialReplay.Result r = new SequentialReplay(ConfigLoader.parse(configYaml, "test.yaml"))
                .run(List.of(Files.readAllLines(events, StandardCharsets.UTF_8)), null);
        return json(r.actions());
    }

    public static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }

    /** RocksDB, incremental checkpoints at {@code interval}, no Kryo: the job's own settings. */
    public static void configure(StreamExecutionEnvironment env, Path checkpoints, Duration interval, int parallelism) {
        Configuration conf = JobSettings.base(checkpoints, interval);
        env.configure(conf);
        env.setParallelism(parallelism);
    }
}
