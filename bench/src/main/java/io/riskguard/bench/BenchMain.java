package io.riskguard.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the engine benchmarks and prints, per trigger type, the median (p50) and p99 with all 13
 * rules enabled, the same with no rule enabled (baseline, same run) and their ratio. Extra
 * arguments are passed to JMH (e.g. {@code -f 2 -wi 5}).
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        Options cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(cli).include(EngineBenchmark.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> byBenchmark = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            boolean all = "all".equals(r.getParams().getParam("rules"));
            var stats = r.getPrimaryResult().getStatistics();
            double[] row = byBenchmark.computeIfAbsent(name, k -> new double[4]);
            row[all ? 0 : 2] = stats.getPercentile(50);
            row[all ? 1 : 3] = stats.getPercentile(99);
        }
        System.out.println();
        System.out.printf("%-22s %14s %14s %14s %14s %10s%n", "trigger", "13 rules p50", "13 rules p99",
                "no rules p50", "no rules p99", "p50 ratio");
        for (Map.Entry<String, double[]> e : byBenchmark.entrySet()) {
            double[] r = e.getValue();
            System.out.printf("%-22s %11.0f ns %11.0f ns %11.0f ns %11.0f ns %9.2fx%n", e.getKey(), r[0], r[1], r[2],
                    r[3], r[0] / r[2]);
        }
    }
}
