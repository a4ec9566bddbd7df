package io.riskguard.bench.sink;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.sinks.gateway.ActionLedger;
import io.riskguard.sinks.gateway.BrokerSink;
import io.riskguard.sinks.gateway.GatewayCredentials;
import io.riskguard.sinks.gateway.GatewayMetrics;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.gateway.JdbcActionLedger;
import io.riskguard.sinks.gateway.MemoryActionLedger;
import io.riskguard.sinks.gateway.sim.Call;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The broker sink against the gateway simulator over real HTTP (not part of the test run):
 *
 * <ol>
 *   <li>action-to-acknowledgement latency at a fixed 100 actions/s (closes, cancels and stop
 *       modifications over 500 accounts), with the in-memory ledger and with the PostgreSQL ledger
 *       that exactly-once delivery uses; the broker's rate limit is lifted for this part, since
 *       100 actions/s is 30 times what one ProjectX user may send;
 *   <li>a flatten storm: 1,000 accounts flattened at once under the broker's limit (200 requests
 *       per window, the sink keeping under 190), with the window scaled down 10× (200 per 6 s) so
 *       the run takes minutes, not half an hour; times are reported scaled back to the real 60 s.
 * </ol>
 *
 * Run: {@code bench/run sink [seconds] [--no-storm]}.
 */
public final class SinkBenchmark {

    static final GatewayCredentials CREDENTIALS = new GatewayCredentials("bench", "bench-only-key");
    static final String MNQ = "CON.F.US.MNQ.H26";
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    /** Sent at the same rate before the measured seconds, not recorded. */
    static final int WARMUP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 30;
        System.out.printf("broker sink benchmark, %d s at 100 actions/s (after %d s not recorded), then a 1,000-account"
                + " flatten storm%n%n", seconds, WARMUP_SECONDS);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            JdbcSettings db = new JdbcSettings(pg.getJdbcUrl("postgres", "postgres"));
            DatabaseMigrations.migrate(db);
            System.out.printf("%-34s %9s %9s %9s %9s%n", "action-to-ack latency at 100/s", "actions", "p50 ms",
                    "p99 ms", "max ms");
            latency("in-memory ledger", seconds, new MemoryActionLedger());
            latency("PostgreSQL ledger (exactly once)", seconds, new JdbcActionLedger(db));
        }
        if (!List.of(args).contains("--no-storm")) {
            storm(1000);
        }
    }

    /** Closes, cancels and stop modifications at a fixed rate; latency from write() to the broker's last answer. */
    static void latency(String name, int seconds, ActionLedger ledger) throws Exception {
        MemoryActionLedger.clear();
        try (GatewaySimulator sim = GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUser(CREDENTIALS.userName(), CREDENTIALS.apiKey()).withRateLimit(1_000_000, Duration.ofSeconds(60)))) {
            int total = (WARMUP_SECONDS + seconds) * 100;
            for (int i = 0; i < total; i++) {
                long account = 10_000 + i % 500;
                sim.putPosition(account, "CON.F.US.MNQ." + (char) ('A' + i % 20) + "26", 1, 1, new BigDecimal("21000"));
                sim.putOrder(account, 1_000_000 + i, MNQ, 1, 4, 1, 1, null, new BigDecimal("20900"));
            }
            Recorder recorder = new Recorder(3);
            GatewayMetrics metrics = new GatewayMetrics() {
                @Override
                public void actionDone(String kind, boolean success, long latencyNanos) {
                    recorder.recordValue(latencyNanos / 1000);
                }
            };
            BrokerSink.BrokerSinkWriter writer = new BrokerSink.BrokerSinkWriter(
                    GatewaySettings.defaults(sim.baseUri(), null).withRateLimit(1_000_000, Duration.ofSeconds(60)),
                    CREDENTIALS, ledger, metrics);
            int warmup = WARMUP_SECONDS * 100;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (i == warmup) {
                    recorder.getIntervalHistogram(); // forget the warm-up (JIT, connections, token)
                }
                writer.write(action(i), null);
            }
            writer.flush(false);
            writer.close();
            Histogram h = recorder.getIntervalHistogram();
            System.out.printf("%-34s %9d %9.1f %9.1f %9.1f%n", name, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }

    static Action action(int i) {
        long account = 10_000 + i % 500;
        String id = account + ":bench:" + i;
        return switch (i % 3) {
            case 0 -> new Action(id, T, account, 4, ActionKind.CLOSE_POSITION, null,
                    "CON.F.US.MNQ." + (char) ('A' + i % 20) + "26", null, null, null, "bench", 1, DecisionCause.UNREALIZED_LOSS_REACHED);
            case 1 -> new Action(id, T, account, 11, ActionKind.CANCEL_ORDER, null, MNQ, null, 1_000_000L + i, null,
                    "bench", 1, DecisionCause.SYMBOL_BLOCKED);
            default -> new Action(id, T, account, 12, ActionKind.MODIFY_STOP, null, MNQ, null, 1_000_000L + i,
                    new BigDecimal("20950"), "bench", 1, DecisionCause.TRAILING_STOP);
        };
    }

    /** Every account flattened at once: how the sink paces itself under the broker's limit. */
    static void storm(int accounts) throws Exception {
        MemoryActionLedger.clear();
        Duration window = Duration.ofSeconds(6);
        double scale = 60.0 / window.getSeconds();
        try (GatewaySimulator sim = GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUser(CREDENTIALS.userName(), CREDENTIALS.apiKey()).withRateLimit(200, window))) {
            for (long a = 0; a < accounts; a++) {
                sim.putPosition(20_000 + a, MNQ, 1, 2, new BigDecimal("21000"));
                sim.putOrder(20_000 + a, 2_000_000 + a, MNQ, 1, 4, 1, 2, null, new BigDecimal("20900"));
            }
            AtomicLong waits = new AtomicLong();
            Recorder done = new Recorder(3);
            GatewayMetrics metrics = new GatewayMetrics() {
                @Override
                public void rateLimitWait(long nanos) {
                    if (nanos > 1_000_000) {
                        waits.incrementAndGet();
                    }
                }

                @Override
                public void actionDone(String kind, boolean success, long latencyNanos) {
                    done.recordValue(latencyNanos / 1_000_000);
                }
            };
            BrokerSink.BrokerSinkWriter writer = new BrokerSink.BrokerSinkWriter(
                    GatewaySettings.defaults(sim.baseUri(), null).withRateLimit(190, window), CREDENTIALS,
                    new MemoryActionLedger(), metrics);
            long start = System.nanoTime();
            for (long a = 0; a < accounts; a++) {
                writer.write(new Action((20_000 + a) + ":storm", T, 20_000 + a, 3, ActionKind.FLATTEN, null, null,
                        null, null, null, "storm", 1, DecisionCause.DAILY_REALIZED_LOSS_REACHED), null);
            }
            writer.flush(false);
            long elapsed = System.nanoTime() - start;
            writer.close();
            List<Call> calls = sim.calls();
            long refused = calls.stream().filter(c -> c.httpStatus() == 429).count();
            long flat = 0;
            for (long a = 0; a < accounts; a++) {
                if (sim.positions(20_000 + a).isEmpty() && sim.orders(20_000 + a).isEmpty()) {
                    flat++;
                }
            }
            System.out.printf("%nflatten storm: %d accounts, %d requests (%.1f per flatten), %d answered 429, "
                            + "%d limiter waits%n", accounts, calls.size(), calls.size() / (double) accounts, refused,
                    waits.get());
            System.out.printf("  drained in %.0f s with a 200/%d s window = %.1f min at the real 200 requests / 60 s;"
                    + " %d of %d accounts flat%n", elapsed / 1e9, window.getSeconds(), elapsed / 1e9 * scale / 60, flat,
                    accounts);
            System.out.printf("  busiest window: %d requests (limit 200)%n", busiestWindow(calls, window));
            Histogram h = done.getIntervalHistogram();
            System.out.printf("  flatten done after (scaled to the real window): p50 %.1f min, p99 %.1f min, last %.1f min"
                            + " (%d flattens)%n", h.getValueAtPercentile(50) * scale / 60_000.0,
                    h.getValueAtPercentile(99) * scale / 60_000.0, h.getMaxValue() * scale / 60_000.0,
                    h.getTotalCount());
        }
    }

    static long busiestWindow(List<Call> calls, Duration window) {
        long best = 0;
        int lo = 0;
        for (int hi = 0; hi < calls.size(); hi++) {
            while (Duration.between(calls.get(lo).receivedAt(), calls.get(hi).receivedAt()).compareTo(window) >= 0) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

}
