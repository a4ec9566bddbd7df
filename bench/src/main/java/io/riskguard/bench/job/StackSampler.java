package io.riskguard.bench.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A wall-clock stack sampler for the threads of one task (e.g. AccountRisk): unlike JFR's
 * execution samples it also sees a thread that is inside a native call (a RocksDB get or put), so
 * it tells how a task's running time splits between RocksDB, serializers, the rule engine and
 * Flink. Samples are taken at safepoints; runnable threads only (a thread waiting for input is
 * idle, not slow).
 */
final class StackSampler implements AutoCloseable {

    /** Category → frame prefix; a sample counts once per category found anywhere on its stack. */
    private static final Map<String, String[]> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("RocksDB native get", new String[] {"org.rocksdb.RocksDB.get"});
        CATEGORIES.put("RocksDB native put/delete/write", new String[] {"org.rocksdb.RocksDB.put",
                "org.rocksdb.RocksDB.delete", "org.rocksdb.RocksDB.write", "org.rocksdb.WriteBatch"});
        CATEGORIES.put("RocksDB iterators (MapState iteration)", new String[] {"org.rocksdb.RocksIterator",
                "org.apache.flink.state.rocksdb.RocksDBMapState$RocksDBMapIterator"});
        CATEGORIES.put("Flink RocksDB state access (all, incl. the native calls and (de)serialization)",
                new String[] {"org.apache.flink.state.rocksdb."});
        CATEGORIES.put("Riskguard state serializers (io.riskguard.job.serde)", new String[] {"io.riskguard.job.serde."});
        CATEGORIES.put("FlinkAccountState (reads and writes of the account's state)",
                new String[] {"io.riskguard.job.operators.FlinkAccountState"});
        CATEGORIES.put("replay buffer and event-time timers (AccountRisk in replay ordering)", new String[] {
                "org.apache.flink.streaming.api.operators.InternalTimerServiceImpl.registerEventTimeTimer",
                "org.apache.flink.state.rocksdb.RocksDBCachingPriorityQueueSet",
                "org.apache.flink.runtime.state.heap.HeapPriorityQueue"});
        CATEGORIES.put("rule engine (RiskEngine, its state reads included)", new String[] {"io.riskguard.engine.RiskEngine."});
        CATEGORIES.put("rule engine pure logic (io.riskguard.engine/rules/state/market/calendar, no state access)",
                new String[0]);
        CATEGORIES.put("network input: record deserialization (AccountInput)",
                new String[] {"io.riskguard.job.serde.AccountInputSerializer.deserialize"});
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String prefix;
    private final Thread sampler;
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private final Map<String, Integer> top = new HashMap<>();
    private final Map<String, Integer> riskguardInclusive = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    StackSampler(String threadPrefix, long intervalMillis) {
        this.prefix = threadPrefix;
        CATEGORIES.keySet().forEach(k -> categories.put(k, 0));
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        for (ThreadInfo info : threads.dumpAllThreads(false, false, 200)) {
            if (info == null || !info.getThreadName().startsWith(prefix)
                    || info.getThreadState() != Thread.State.RUNNABLE || info.getStackTrace().length == 0) {
                continue;
            }
            StackTraceElement[] stack = info.getStackTrace();
            synchronized (this) {
                samples++;
                StackTraceElement t = stack[0];
                top.merge(t.getClassName() + "." + t.getMethodName() + (t.isNativeMethod() ? " (native)" : ""), 1,
                        Integer::sum);
                Set<String> seen = new HashSet<>();
                boolean inState = false;
                boolean inLogic = false;
                for (StackTraceElement f : stack) {
                    String n = f.getClassName() + "." + f.getMethodName();
                    if (n.startsWith("io.riskguard.") && seen.add(n)) {
                        riskguardInclusive.merge(n, 1, Integer::sum);
                    }
                    for (Map.Entry<String, String[]> c : CATEGORIES.entrySet()) {
                        for (String p : c.getValue()) {
                            if (n.startsWith(p) && seen.add("#" + c.getKey())) {
                                categories.merge(c.getKey(), 1, Integer::sum);
                            }
                        }
                    }
                    if (n.startsWith("io.riskguard.job.operators.FlinkAccountState")
                            || n.startsWith("org.apache.flink.state.rocksdb.")) {
                        inState = true;
                    }
                    if (!inState && !inLogic && n.matches("io\\.riskguard\\.(engine|rules|state|market|calendar)\\..*")) {
                        inLogic = true; // the innermost Riskguard frame is rule logic, not a state access
                    }
                }
                if (inLogic) {
                    categories.merge("rule engine pure logic (io.riskguard.engine/rules/state/market/calendar, "
                            + "no state access)", 1, Integer::sum);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    synchronized void print(int n) {
        System.out.printf("%n  where the %s threads' running time goes (%,d wall-clock stack samples of runnable threads):%n",
                prefix, samples);
        for (Map.Entry<String, Integer> c : categories.entrySet()) {
            System.out.printf("    %5.1f%%  %s%n", 100.0 * c.getValue() / Math.max(1, samples), c.getKey());
        }
        System.out.println("  top frames:");
        top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        System.out.println("  Riskguard methods (inclusive):");
        riskguardInclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n).forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
