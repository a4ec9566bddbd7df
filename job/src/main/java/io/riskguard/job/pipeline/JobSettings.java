package io.riskguard.job.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;

/**
 * The Flink settings every Riskguard job runs with: RocksDB with incremental checkpoints, exactly
 * once, no generic (Kryo) types, object reuse (every record is an immutable Java record), and a
 * bounded restart strategy. RocksDB gets bloom filters: most reads of an account's state look for
 * something that is not there (no lock, no pending close), and without a filter each such read
 * searches every level (docs/benchmarks.md measured the difference).
 *
 * <p>State changes are also logged to a changelog (Flink's changelog state backend over RocksDB), so
 * a checkpoint uploads the log instead of flushing every column family's memtable into a native
 * RocksDB checkpoint while the task waits: that flush paused AccountRisk for 170–310 ms every 10 s
 * and was the whole latency tail (docs/benchmarks.md §6). RocksDB is still the state; it is
 * snapshotted ("materialised", with the same flush) every {@link #MATERIALIZATION_INTERVAL}
 * instead of at every checkpoint.
 */
public final class JobSettings {

    /** RocksDBConfigurableOptions.USE_BLOOM_FILTER, named here: the RocksDB backend is provided by Flink. */
    static final ConfigOption<Boolean> ROCKSDB_BLOOM_FILTER =
            ConfigOptions.key("state.backend.rocksdb.use-bloom-filter").booleanType().defaultValue(false);

    /**
     * Managed memory of an in-process cluster (replay, local, tests; a standalone cluster's
     * TaskManagers take theirs from flink-conf and ignore this): RocksDB's block cache and write
     * buffers. The in-process default, 128 MB for all slots, is so small that memtables are flushed
     * into many small files which every read must search; 256 MB measured twice as fast, more did
     * not help (docs/benchmarks.md).
     */
    public static final MemorySize IN_PROCESS_MANAGED_MEMORY = MemorySize.parse("256m");

    /**
     * Live jobs flush network buffers after at most 1 ms instead of Flink's 100 ms: a decision
     * crosses two exchanges, and at a trader's event rates buffers rarely fill, so the timeout was
     * the decision latency (p50 87 ms at 100 ms, 2 ms at 1 ms: docs/benchmarks.md).
     */
    public static final Duration LIVE_BUFFER_TIMEOUT = Duration.ofMillis(1);

    /** How often RocksDB itself is snapshotted under the changelog: Flink's default. */
    public static final Duration MATERIALIZATION_INTERVAL = Duration.ofMinutes(10);

    private JobSettings() {}

    /**
     * How records travel, whatever runs the job: no generic (Kryo) types, every state and record type
     * has its own serializer; object reuse, every record is an immutable Java record.
     */
    public static Configuration records(Configuration conf) {
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        return conf;
    }

    /** {@code conf} with the settings of a job deciding on live events. */
    public static Configuration live(Configuration conf) {
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, LIVE_BUFFER_TIMEOUT);
        return conf;
    }

    public static Configuration base(Path checkpointDir, Duration checkpointInterval) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        records(conf);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.set(ROCKSDB_BLOOM_FILTER, true);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, IN_PROCESS_MANAGED_MEMORY);
        changelog(conf, checkpointDir.resolve("changelog"));
        return conf;
    }

    /**
     * The changelog state backend, its log in {@code logDir} (durable storage, like the
     * checkpoints it belongs to). A job with a changelog can only resume in CLAIM mode: Flink then
     * owns the checkpoint or savepoint it started from and may delete it once newer checkpoints subsume
     * it (in NO_CLAIM mode the first checkpoint after the restore fails).
     */
    private static Configuration changelog(Configuration conf, Path logDir) {
        conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        conf.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        conf.set(FsStateChangelogOptions.BASE_PATH, logDir.toUri().toString());
        conf.set(StateChangelogOptions.PERIODIC_MATERIALIZATION_INTERVAL, MATERIALIZATION_INTERVAL);
        conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        return conf;
    }
}
