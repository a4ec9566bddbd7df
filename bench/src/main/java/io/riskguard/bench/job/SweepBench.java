package io.riskguard.bench.job;

import io.riskguard.job.operators.Ordering;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The quote fan-out sweep: N accounts all holding the same contract, then a long run of quotes of
 * it. Each point runs in its own JVM (so each RSS is its own): the minimal stateful job and the job
 * on the same file, one after the other. A fraction {@code near} of the holders has its RULE-004
 * limit just inside the quotes' range, so quotes keep crossing their bands (each is closed again
 * whenever its close has been in flight 10 s); the others sit far from every threshold. The cost
 * should follow the deliveries (crossed holders), not the holders.
 */
final class SweepBench {

    static final String CONTRACT = "CON.F.US.MNQ.H26";
    static final BigDecimal CENTRE = new BigDecimal("21000.00");
    static final BigDecimal TICK = new BigDecimal("0.25");
    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

    private SweepBench() {}

    /** Every point, each in a child JVM; prints the table. */
    static void run(Args args) throws Exception {
        List<String> accounts = args.list("accounts", "1000,10000,100000");
        List<String> near = args.list("near", "0,0.01");
        long quotes = args.l("quotes", 1_000_000);
        JobBenchmark.header("fan-out sweep");
        System.out.printf("each point in its own JVM: %,d quotes of %s every 10 ms of event time (a random walk of "
                + "±1 tick within ±20 ticks), after one position and one protective stop per account; near = the "
                + "share of holders whose RULE-004 limit lies inside that range; config testdata/config/default.yaml, "
                + "replay (event-time) ordering, parallelism 2%n%n", quotes, CONTRACT);
        List<String> rows = new ArrayList<>();
        for (String n : accounts) {
            for (String f : near) {
                rows.add(point(n, f, quotes, args.s("config", "testdata/config/default.yaml")));
            }
        }
        System.out.println();
        System.out.printf("%9s %6s %10s %13s %12s %10s %14s %17s %10s %9s%n", "holders", "near", "lines",
                "stateful ev/s", "riskguard ev/s", "ratio", "quote deliv.", "deliv. per quote", "skipped", "peak RSS");
        rows.forEach(System.out::println);
    }

    private static String point(String accounts, String near, long quotes, String config) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JobBenchmark.class.getName(),
                "sweep-point", "--accounts", accounts, "--near", near, "--quotes", String.valueOf(quotes),
                "--config", config));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String row = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  [" + accounts + "/" + near + "] " + line);
                if (line.startsWith("ROW ")) {
                    row = line.substring(4);
                }
            }
        }
        if (child.waitFor() != 0 || row == null) {
            throw new IllegalStateException("sweep point " + accounts + "/" + near + " failed");
        }
        return row;
    }

    /** One point, in this JVM. */
    static void runPoint(Args args) throws Exception {
        int accounts = args.i("accounts", 10_000);
        double near = args.d("near", 0);
        long quotes = args.l("quotes", 1_000_000);
        int parallelism = args.i("parallelism", 2);
        Path configFile = Path.of(args.s("config", "testdata/config/default.yaml"));
        String yaml = JobBenchmark.configYaml(configFile);
        Path work = Files.createTempDirectory("riskguard-sweep");
        try {
            Path input = work.resolve("sweep.jsonl");
            long lines = write(input, accounts, near, quotes);
            System.gc();
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = sampler(peakRss);
            ThroughputBench.Result stateful = ThroughputBench.runJob("stateful", input, lines, Ordering.EVENT_TIME,
                    parallelism, work, yaml, configFile.toString(), 0, null);
            System.out.printf("stateful: %.1f s, %,.0f events/s%n", stateful.seconds(), stateful.eventsPerSecond());
            peakRss.set(0);
            ThroughputBench.Result rg = ThroughputBench.runJob("riskguard", input, lines, Ordering.EVENT_TIME,
                    parallelism, work, yaml, configFile.toString(), 0, null);
            sampler.interrupt();
            double holderQuotes = rg.quoteDeliveries() + rg.quoteDeliveriesSkipped();
            System.out.printf("riskguard: %.1f s, %,.0f events/s, %,.0f triggers, quote deliveries %,.0f of %,.0f "
                    + "(full fan-out %,d), actions %,.0f, peak RSS while it ran %,d MB; %s%n", rg.seconds(),
                    rg.eventsPerSecond(), rg.triggers(), rg.quoteDeliveries(), holderQuotes,
                    (long) accounts * quotes, rg.actions(), peakRss.get() >> 10, rg.load());
            System.out.printf("ROW %9d %6s %,10d %,13.0f %,12.0f %9.3fx %,14.0f %17.4f %9.4f%% %,6d MB%n", accounts,
                    near, lines, stateful.eventsPerSecond(), rg.eventsPerSecond(),
                    rg.eventsPerSecond() / stateful.eventsPerSecond(), rg.quoteDeliveries(),
                    rg.quoteDeliveries() / quotes, holderQuotes == 0 ? 0 : 100 * rg.quoteDeliveriesSkipped() / holderQuotes,
                    peakRss.get() >> 10);
        } finally {
            JobBenchmark.deleteRecursively(work);
        }
    }

    /** The point's input; returns its line count. */
    static long write(Path file, int accounts, double near, long quotes) throws Exception {
        Random random = new Random(7);
        long lines = 0;
        int nearCount = (int) Math.round(accounts * near);
        int stride = nearCount == 0 ? Integer.MAX_VALUE : accounts / nearCount;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < accounts; i++) {
                long account = 30_001L + i;
                boolean isLong = i % 2 == 0;
                boolean isNear = i % stride == 0 && i / stride < nearCount;
                // default.yaml: RULE-004 at -300.00 = 150 points of MNQ; near holders' limits are 0.5 point
                // inside the quotes' range, the others' far outside it (and RULE-005's +250 points too)
                BigDecimal offset = isNear ? new BigDecimal("149.50") : new BigDecimal(random.nextInt(40)).multiply(TICK);
                BigDecimal average = isLong ? CENTRE.add(offset) : CENTRE.subtract(offset);
                BigDecimal stop = isLong ? average.subtract(new BigDecimal("200")) : average.add(new BigDecimal("200"));
                Instant t = START.plusNanos(1_000_000_000L * i / accounts);
                w.write("{\"type\":\"position\",\"ts\":\"" + t + "\",\"accountId\":" + account + ",\"data\":{\"id\":"
                        + account + ",\"accountId\":" + account + ",\"contractId\":\"" + CONTRACT + "\",\"type\":"
                        + (isLong ? 1 : 2) + ",\"size\":1,\"averagePrice\":" + average.toPlainString() + "}}\n");
                w.write("{\"type\":\"order\",\"ts\":\"" + t + "\",\"accountId\":" + account + ",\"data\":{\"id\":"
                        + (700_000 + account) + ",\"accountId\":" + account + ",\"contractId\":\"" + CONTRACT
                        + "\",\"status\":1,\"type\":4,\"side\":" + (isLong ? 1 : 0) + ",\"size\":1,\"stopPrice\":"
                        + stop.toPlainString() + "}}\n");
                lines += 2;
            }
            long ticks = 0;
            for (long q = 0; q < quotes; q++) {
                ticks += random.nextInt(3) - 1;
                ticks = Math.max(-20, Math.min(20, ticks));
                Instant t = START.plusSeconds(1).plusMillis(10 * q);
                w.write("{\"type\":\"quote\",\"ts\":\"" + t + "\",\"contractId\":\"" + CONTRACT + "\",\"data\":{"
                        + "\"lastPrice\":" + CENTRE.add(TICK.multiply(BigDecimal.valueOf(ticks))).toPlainString() + "}}\n");
                lines++;
            }
        }
        return lines;
    }

    private static Thread sampler(AtomicLong peakRss) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(MachineLoad.statusKb("VmRSS"), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
