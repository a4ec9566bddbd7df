package io.riskguard.bench.job;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time goes in a flight recording ({@code -XX:StartFlightRecording}): the
 * {@code jdk.ExecutionSample} events (what {@code jfr print --events jdk.ExecutionSample} lists;
 * {@code --event jdk.NativeMethodSample} for threads in native code, e.g. inside RocksDB) summed by
 * thread, by top frame (self time), and inclusively for the job's own methods and a few
 * categories; and each thread's CPU load. {@code --thread REGEX} keeps matching threads only.
 */
final class JfrSummary {

    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("RocksDB JNI calls (org.rocksdb.*)", Pattern.compile("^org\\.rocksdb\\."));
        CATEGORIES.put("Flink RocksDB state wrappers (org.apache.flink.state.rocksdb.*)",
                Pattern.compile("^org\\.apache\\.flink\\.state\\.rocksdb\\."));
        CATEGORIES.put("Riskguard serializers (io.riskguard.job.serde.*)", Pattern.compile("^io\\.riskguard\\.job\\.serde\\."));
        CATEGORIES.put("rule engine (io.riskguard.engine/rules/state/market/calendar.*)",
                Pattern.compile("^io\\.riskguard\\.(engine|rules|state|market|calendar)\\."));
        CATEGORIES.put("AccountRisk.processElement1/2", Pattern.compile("^io\\.riskguard\\.job\\.operators\\.AccountRisk\\.processElement[12]$"));
        CATEGORIES.put("AccountRisk.processWatermark", Pattern.compile("^io\\.riskguard\\.job\\.operators\\.AccountRisk\\.processWatermark$"));
        CATEGORIES.put("AccountRisk.fireTimersUpTo", Pattern.compile("^io\\.riskguard\\.job\\.operators\\.AccountRisk\\.fireTimersUpTo$"));
        CATEGORIES.put("quote fan-out (io.riskguard.fanout.*)", Pattern.compile("^io\\.riskguard\\.fanout\\."));
        CATEGORIES.put("RiskEngine.onQuote", Pattern.compile("^io\\.riskguard\\.engine\\.RiskEngine\\.onQuote$"));
        CATEGORIES.put("RiskEngine.onEvent", Pattern.compile("^io\\.riskguard\\.engine\\.RiskEngine\\.onEvent$"));
        CATEGORIES.put("RiskEngine.onTimer", Pattern.compile("^io\\.riskguard\\.engine\\.RiskEngine\\.onTimer$"));
        CATEGORIES.put("MarkToMarket.processElement", Pattern.compile("^io\\.riskguard\\.job\\.operators\\.MarkToMarket\\.processElement$"));
        CATEGORIES.put("event-time timers (InternalTimerServiceImpl.*)",
                Pattern.compile("^org\\.apache\\.flink\\.streaming\\.api\\.operators\\.InternalTimerServiceImpl\\."));
        CATEGORIES.put("network output (RecordWriter.*)", Pattern.compile("^org\\.apache\\.flink\\.runtime\\.io\\.network\\.api\\.writer\\.RecordWriter\\."));
        CATEGORIES.put("network input (StreamTaskNetworkInput / deserializers)",
                Pattern.compile("^org\\.apache\\.flink\\.streaming\\.runtime\\.io\\.AbstractStreamTaskNetworkInput\\.emitNext$"));
        CATEGORIES.put("JSON parsing (EventCodec.parse)", Pattern.compile("^io\\.riskguard\\.contract\\.EventCodec\\.parse$"));
        CATEGORIES.put("BigDecimal", Pattern.compile("^java\\.math\\.BigDecimal\\."));
        CATEGORIES.put("java.time (Instant, ZonedDateTime, zone rules)", Pattern.compile("^java\\.time\\."));
    }

    private JfrSummary() {}

    static void run(Args args) throws Exception {
        Path file = Path.of(args.positional.get(1));
        int top = args.i("top", 25);
        String event = args.s("event", "jdk.ExecutionSample");
        Pattern threadFilter = args.has("thread") ? Pattern.compile(args.s("thread", ".*")) : null;

        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusiveOwn = new HashMap<>();
        Map<String, Integer> category = new LinkedHashMap<>();
        CATEGORIES.keySet().forEach(k -> category.put(k, 0));
        int total = 0;
        int all = 0;
        int nativeSamples = 0;
        Map<String, double[]> cpu = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ThreadCPULoad")) {
                RecordedThread t = e.getThread("eventThread");
                double[] acc = cpu.computeIfAbsent(groupName(t == null ? "?" : t.getJavaName()), k -> new double[2]);
                acc[0] += e.getFloat("user") + e.getFloat("system");
                acc[1]++;
                continue;
            }
            boolean isNative = type.equals("jdk.NativeMethodSample");
            if (isNative) {
                nativeSamples++;
            }
            if (!type.equals(event)) {
                continue;
            }
            all++;
            RecordedThread t = e.getThread("sampledThread");
            String thread = t == null ? "?" : groupName(t.getJavaName());
            if (threadFilter != null && !threadFilter.matcher(thread).find()) {
                continue;
            }
            total++;
            byThread.merge(thread, 1, Integer::sum);
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            Set<String> cats = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (n.startsWith("io.riskguard.") && seen.add(n)) {
                    inclusiveOwn.merge(n, 1, Integer::sum);
                }
                for (Map.Entry<String, Pattern> c : CATEGORIES.entrySet()) {
                    if (c.getValue().matcher(n).find() && cats.add(c.getKey())) {
                        category.merge(c.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%s: %,d %s events (jdk.NativeMethodSample, threads in native code such as RocksDB: %,d)%s%n",
                file, total, event, nativeSamples,
                threadFilter == null ? "" : String.format(" of %,d (threads matching %s)", all, threadFilter));
        double cpuTotal = cpu.values().stream().mapToDouble(v -> v[0]).sum();
        System.out.println("\nCPU by thread (jdk.ThreadCPULoad summed over the recording, share of all threads' CPU, top 8)");
        cpu.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(8).forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100 * en.getValue()[0] / cpuTotal,
                        en.getKey()));
        print("by thread", byThread, total, top);
        print("top frames (self time)", self, total, top);
        print("Riskguard methods (inclusive: samples with the method anywhere on the stack)", inclusiveOwn, total, top);
        System.out.println("\ncategories (inclusive; a sample may count in several)");
        for (Map.Entry<String, Integer> c : category.entrySet()) {
            System.out.printf("  %5.1f%%  %s%n", 100.0 * c.getValue() / Math.max(1, total), c.getKey());
        }
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("\n" + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total),
                        en.getKey()));
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    /** "AccountRisk -> Sink (2/2)#0" → "AccountRisk -> Sink". */
    private static String groupName(String thread) {
        return thread == null ? "?" : thread.replaceAll(" \\(\\d+/\\d+\\)#\\d+$", "").replaceAll("-\\d+$", "-N");
    }
}
