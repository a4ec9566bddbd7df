package io.riskguard.bench.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads between two samples, grouped by thread name without its subtask
 * and attempt numbers: which operators the job's time went to (JIT and GC threads are not Java
 * threads and are not counted).
 */
final class ThreadCpu {

    private ThreadCpu() {}

    /** Samples every 200 ms until closed, so that threads which end with the job are counted too. */
    static final class Recorder implements AutoCloseable {
        private final Map<String, Long> before = sample();
        private final Map<String, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread;

        Recorder() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    last.putAll(sample());
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "thread-cpu-recorder");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
            last.putAll(sample());
        }

        void print(double seconds, int top) {
            ThreadCpu.print(before, last, seconds, top);
        }
    }

    static Map<String, Long> sample() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long cpu = mx.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                out.merge(info.getThreadName() + "#" + id, cpu, Long::sum);
            }
        }
        return out;
    }

    static void print(Map<String, Long> before, Map<String, Long> after, double seconds, int top) {
        Map<String, Long> byGroup = new HashMap<>();
        after.forEach((thread, cpu) -> {
            long spent = cpu - before.getOrDefault(thread, 0L);
            String group = thread.replaceAll("#\\d+$", "").replaceAll(" \\(\\d+/\\d+\\)#\\d+", "")
                    .replaceAll("-\\d+$", "-N");
            byGroup.merge(group, spent, Long::sum);
        });
        System.out.printf("  CPU by thread group over %.0f s (cores):%n", seconds);
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("    %5.2f  %s%n", e.getValue() / 1e9 / seconds, e.getKey()));
    }
}
