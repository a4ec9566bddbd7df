package io.riskguard.bench.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * What RocksDB's part of an incremental checkpoint costs, without Flink: N small writes (12-byte
 * keys, 60-byte values, no WAL, as Flink writes) spread over C column families, then a native
 * checkpoint ({@code Checkpoint.createCheckpoint}, which flushes every memtable and links the files),
 * timed, R times. The synchronous phase of Flink's RocksDB snapshot is this call.
 *
 * <pre>bench/run job rocksdb-flush [--column-families 1,8] [--writes 0,2000,20000,50000] [--rounds 15] [--dir /tmp]</pre>
 */
final class RocksDbFlushProbe {

    private RocksDbFlushProbe() {}

    static void run(Args args) throws Exception {
        RocksDB.loadLibrary();
        int rounds = args.i("rounds", 15);
        Path base = Path.of(args.s("dir", System.getProperty("java.io.tmpdir")));
        System.out.printf("RocksDB native checkpoint after N writes, %d rounds each, in %s%n", rounds, base);
        for (String families : args.s("column-families", "1,8").split(",")) {
            for (String writes : args.s("writes", "0,2000,20000,50000").split(",")) {
                long[] micros = probe(base, Integer.parseInt(families.trim()), Integer.parseInt(writes.trim()), rounds);
                System.out.printf("  column families %2s, writes %,7d: checkpoint min %6.1f ms, median %6.1f ms, "
                                + "max %6.1f ms%n", families.trim(), Integer.parseInt(writes.trim()), micros[0] / 1e3,
                        micros[rounds / 2] / 1e3, micros[rounds - 1] / 1e3);
            }
        }
    }

    private static long[] probe(Path base, int families, int writes, int rounds) throws Exception {
        Path dir = Files.createTempDirectory(base, "rocksdb-flush-probe");
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
        for (int i = 0; i < families; i++) {
            descriptors.add(new ColumnFamilyDescriptor(("state-" + i).getBytes()));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        long[] micros = new long[rounds];
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
                RocksDB db = RocksDB.open(options, dir.resolve("db").toString(), descriptors, handles);
                WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
            Random random = new Random(1);
            for (int round = 0; round < rounds; round++) {
                for (int w = 0; w < writes; w++) {
                    byte[] key = new byte[12];
                    byte[] value = new byte[60];
                    random.nextBytes(key);
                    random.nextBytes(value);
                    db.put(handles.get(1 + w % families), noWal, key, value);
                }
                long start = System.nanoTime();
                try (Checkpoint checkpoint = Checkpoint.create(db)) {
                    checkpoint.createCheckpoint(dir.resolve("checkpoint-" + round).toString());
                }
                micros[round] = (System.nanoTime() - start) / 1_000;
            }
            handles.forEach(ColumnFamilyHandle::close);
        } finally {
            JobBenchmark.deleteRecursively(dir);
        }
        Arrays.sort(micros);
        return micros;
    }
}
