package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic trader for demos and tests: each step one account chosen at random buys or sells 1 to 3
 * contracts of a contract chosen at random, at the contract's last quote (a buy at the best ask, a sell
 * at the best bid, else the last price), through {@link GatewaySimulator#execute}, so the fill reaches
 * the hubs like a real one. A fill against the account's position carries the realized profit and loss
 * of the contracts it closes, from the position's average price and the contract's tick economics; an
 * opening fill carries none. The same seed, accounts, contracts and quotes give the same fills.
 * It trades regardless of the risk guard: a locked account keeps opening positions, which the guard closes.
 * {@link #start()} steps every {@code interval} until {@link #stop()}; {@link #step()} trades once now.
 */
public final class ScriptedTrader implements AutoCloseable {

    private static final int MAX_SIZE = 3;

    private final GatewaySimulator simulator;
    private final List<Long> accountIds;
    private final List<String> contractIds;
    private final Duration interval;
    private final Random random;
    private final PeriodicTask ticker = new PeriodicTask("gateway-sim-trader", this::step);

    public ScriptedTrader(GatewaySimulator simulator, List<Long> accountIds, List<String> contractIds,
            Duration interval, long seed) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.accountIds = List.copyOf(accountIds);
        this.contractIds = List.copyOf(contractIds);
        if (this.accountIds.isEmpty() || this.contractIds.isEmpty()) {
            throw new IllegalArgumentException("a scripted trader needs at least one account and one contract");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0: " + interval);
        }
        this.interval = interval;
        this.random = new Random(seed);
    }

    public void start() {
        ticker.start(interval, interval);
    }

    /** Once it returns, no trade is being made and none will be. */
    public void stop() {
        ticker.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** One trade now; empty when the chosen contract has no quote yet (the draws are made all the same). */
    public synchronized Optional<SimTrade> step() {
        long accountId = accountIds.get(random.nextInt(accountIds.size()));
        String contractId = contractIds.get(random.nextInt(contractIds.size()));
        int side = random.nextBoolean() ? SimTrade.BUY : SimTrade.SELL;
        long size = 1 + random.nextInt(MAX_SIZE);
        Optional<BigDecimal> price = simulator.lastQuote(contractId).map(q -> fillPrice(q, side));
        if (price.isEmpty()) {
            return Optional.empty();
        }
        // Read before the fill, outside the book's lock: a close by the guard in between is rare and only
        // makes one demo fill's P&L that of a position already gone.
        BigDecimal profitAndLoss = realizedProfitAndLoss(position(accountId, contractId), side, size, price.get());
        return Optional.of(simulator.execute(accountId, contractId, side, size, price.get(), profitAndLoss));
    }

    /** The P&L of the contracts of {@code position} a fill closes; null when it closes none. */
    static BigDecimal realizedProfitAndLoss(SimPosition position, int side, long size, BigDecimal price) {
        int fillDirection = side == SimTrade.BUY ? SimPosition.LONG : SimPosition.SHORT;
        if (position == null || position.type() == fillDirection) {
            return null;
        }
        return FillMath.profitAndLoss(position.contractId(), position.type(), position.averagePrice(), price,
                Math.min(size, position.size()));
    }

    private SimPosition position(long accountId, String contractId) {
        return simulator.positions(accountId).stream().filter(p -> p.contractId().equals(contractId)).findFirst()
                .orElse(null);
    }

    private static BigDecimal fillPrice(SimQuote quote, int side) {
        BigDecimal touch = side == SimTrade.BUY ? quote.bestAsk() : quote.bestBid();
        return touch != null ? touch : quote.lastPrice();
    }
}
