package io.riskguard.bench.job;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * An in-process metric reporter: the MiniCluster runs in the benchmark's JVM, so the benchmark
 * reads Flink's own metrics (records in/out per operator, the job's counters, checkpoint sizes,
 * RocksDB properties) straight from the metric objects. A metric removed with its task keeps its
 * last value.
 */
public final class BenchMetrics implements MetricReporter {

    private static final Map<String, Metric> LIVE = new ConcurrentHashMap<>();
    private static final Map<String, Object> LAST = new ConcurrentHashMap<>();

    /** Registers the reporter in a cluster configuration. */
    static void enable(Configuration conf) {
        conf.set(ConfigOptions.key("metrics.reporter.bench.factory.class").stringType().noDefaultValue(),
                Factory.class.getName());
    }

    /** Service-loaded by Flink (META-INF/services). */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new BenchMetrics();
        }
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        String id = group.getMetricIdentifier(name);
        LAST.remove(id);
        LIVE.put(id, metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        String id = group.getMetricIdentifier(name);
        Object v = valueOf(metric);
        if (v != null) {
            LAST.put(id, v);
        }
        LIVE.remove(id, metric);
    }

    private static Object valueOf(Metric m) {
        try {
            if (m instanceof Counter c) {
                return c.getCount();
            } else if (m instanceof Gauge<?> g) {
                return g.getValue();
            } else if (m instanceof Meter r) {
                return r.getRate();
            }
        } catch (RuntimeException e) {
            return null; // a gauge of a closed RocksDB instance
        }
        return null;
    }

    /**
     * Sum of the numeric metrics named {@code name} whose identifier contains every one of
     * {@code parts} (e.g. the job name and the operator name), live or last known.
     */
    static double sum(String name, String... parts) {
        double total = 0;
        for (Map.Entry<String, Metric> e : LIVE.entrySet()) {
            if (matches(e.getKey(), name, parts) && valueOf(e.getValue()) instanceof Number n) {
                total += n.doubleValue();
            }
        }
        for (Map.Entry<String, Object> e : LAST.entrySet()) {
            if (!LIVE.containsKey(e.getKey()) && matches(e.getKey(), name, parts) && e.getValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    /** Like {@link #sum}, the largest instead of the total (e.g. a per-subtask maximum). */
    static double max(String name, String... parts) {
        double most = 0;
        for (Map.Entry<String, Metric> e : LIVE.entrySet()) {
            if (matches(e.getKey(), name, parts) && valueOf(e.getValue()) instanceof Number n) {
                most = Math.max(most, n.doubleValue());
            }
        }
        for (Map.Entry<String, Object> e : LAST.entrySet()) {
            if (!LIVE.containsKey(e.getKey()) && matches(e.getKey(), name, parts) && e.getValue() instanceof Number n) {
                most = Math.max(most, n.doubleValue());
            }
        }
        return most;
    }

    /** Like {@link #sum}, grouped by the identifier segment just before the name (e.g. the state name). */
    static java.util.SortedMap<String, Double> sumByGroup(String name, String... parts) {
        java.util.SortedMap<String, Double> out = new java.util.TreeMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>(LIVE.keySet());
        ids.addAll(LAST.keySet());
        for (String id : ids) {
            if (!matches(id, name, parts)) {
                continue;
            }
            Metric live = LIVE.get(id);
            Object v = live != null ? valueOf(live) : LAST.get(id);
            if (v instanceof Number n) {
                String head = id.substring(0, id.length() - name.length() - 1);
                out.merge(head.substring(head.lastIndexOf('.') + 1), n.doubleValue(), Double::sum);
            }
        }
        return out;
    }

    private static boolean matches(String id, String name, String[] parts) {
        if (!id.endsWith("." + name)) {
            return false;
        }
        for (String p : parts) {
            if (!id.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Every metric identifier seen so far that contains {@code part}, for debugging. */
    static java.util.SortedSet<String> names(String part) {
        java.util.SortedSet<String> all = new java.util.TreeSet<>();
        LIVE.keySet().stream().filter(k -> k.contains(part)).forEach(all::add);
        LAST.keySet().stream().filter(k -> k.contains(part)).forEach(all::add);
        return all;
    }
}
