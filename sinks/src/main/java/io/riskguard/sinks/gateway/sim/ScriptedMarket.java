package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic market for demos and tests: a seeded random walk of the last price of each
 * contract, moving by at most two ticks per step, quoted with a one-tick spread (bid = last, ask =
 * last + one tick) through {@link GatewaySimulator#publishQuote}. The same seed and contracts give the
 * same quotes, step after step. {@link #start()} publishes one quote per contract {@code
 * quotesPerSecond} times a second until {@link #stop()}; {@link #step()} publishes one round now.
 */
public final class ScriptedMarket implements AutoCloseable {

    private static final int MAX_TICKS_PER_STEP = 2;
    private static final BigDecimal UNKNOWN_ROOT_START = new BigDecimal("100.00");
    private static final Map<String, BigDecimal> START_PRICES = Map.of(
            "MNQ", new BigDecimal("21000.00"),
            "NQ", new BigDecimal("21000.00"),
            "ENQ", new BigDecimal("21000.00"),
            "MES", new BigDecimal("6000.00"),
            "ES", new BigDecimal("6000.00"),
            "EP", new BigDecimal("6000.00"),
            "CL", new BigDecimal("70.00"),
            "GC", new BigDecimal("2400.00"));

    private final GatewaySimulator simulator;
    private final double quotesPerSecond;
    private final Random random;
    private final Map<String, BigDecimal> lastPrices = new LinkedHashMap<>();
    private final PeriodicTask ticker = new PeriodicTask("gateway-sim-market", this::step);

    /** {@code quotesPerSecond} is per contract. */
    public ScriptedMarket(GatewaySimulator simulator, List<String> contractIds, double quotesPerSecond, long seed) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        if (contractIds.isEmpty()) {
            throw new IllegalArgumentException("a scripted market needs at least one contract");
        }
        if (!(quotesPerSecond > 0) || Double.isInfinite(quotesPerSecond)) {
            throw new IllegalArgumentException("quotesPerSecond must be > 0: " + quotesPerSecond);
        }
        this.quotesPerSecond = quotesPerSecond;
        this.random = new Random(seed);
        contractIds.forEach(id -> lastPrices.put(id, startPrice(id)));
    }

    public void start() {
        ticker.start(Duration.ZERO, Duration.ofNanos((long) (TimeUnit.SECONDS.toNanos(1) / quotesPerSecond)));
    }

    public void stop() {
        ticker.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Moves every contract one step and publishes its quote; the quotes published, by contract. */
    public synchronized Map<String, SimQuote> step() {
        Map<String, SimQuote> published = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> entry : lastPrices.entrySet()) {
            String contractId = entry.getKey();
            BigDecimal tick = tickSize(contractId);
            int ticks = random.nextInt(2 * MAX_TICKS_PER_STEP + 1) - MAX_TICKS_PER_STEP;
            BigDecimal last = entry.getValue().add(tick.multiply(BigDecimal.valueOf(ticks))).max(tick);
            entry.setValue(last);
            SimQuote quote = SimQuote.of(last, last, last.add(tick));
            simulator.publishQuote(contractId, quote);
            published.put(contractId, quote);
        }
        return published;
    }

    private static BigDecimal startPrice(String contractId) {
        String[] tokens = contractId.split("\\.");
        return tokens.length >= 4 ? START_PRICES.getOrDefault(tokens[3], UNKNOWN_ROOT_START) : UNKNOWN_ROOT_START;
    }

    private static BigDecimal tickSize(String contractId) {
        return Contracts.byId(contractId).map(Contracts.Contract::tickSize).orElse(FillMath.FALLBACK_TICK_SIZE);
    }
}
