package io.riskguard.rules;

import io.riskguard.config.ConfigLoader;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.engine.TriggerContext;
import io.riskguard.market.MarkView;
import io.riskguard.market.QuietBand;
import io.riskguard.market.QuoteState;
import io.riskguard.state.LockBook;
import io.riskguard.state.LockRecord;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random account holding one position, for the quiet-band property tests: random instrument
 * (including a tick whose reciprocal does not terminate), direction, size, average price on or off
 * the tick grid, best mark, protective stops (loose or tight, some not qualifying), locks and
 * enforcement in flight, and random values of the rule under test. Rebuilt from its seed, so a case
 * can be evaluated again from the same state.
 */
final class RandomHolder {

    static final long ACCOUNT = 2002;
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    private record Contract(String id, String root, String tick, String tickValue, String base) {}

    private static final List<Contract> CONTRACTS = List.of(
            new Contract("CON.F.US.MNQ.H26", "MNQ", "0.25", "0.50", "21000"),
            new Contract("CON.F.US.EP.H26", "ES", "0.25", "12.50", "6000"),
            new Contract("CON.F.US.CL.J26", "CL", "0.01", "10.00", "71.5"),
            new Contract("CON.F.US.YM.H26", "YM", "1.00", "5.00", "44000"),
            new Contract("CON.F.US.ZT.H26", "ZT", "0.03", "1.70", "112.5"));

    private static final String INSTRUMENTS = """
            instruments:
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
              ES:  { tick_size: 0.25, tick_value: 12.50 }
              CL:  { tick_size: 0.01, tick_value: 10.00 }
              YM:  { tick_size: 1.00, tick_value: 5.00 }
              ZT:  { tick_size: 0.03, tick_value: 1.70 }
            aliases: { EP: ES }
            quotes: { max_age_seconds: 5 }
            """;

    final long seed;
    final String contractId;
    final BigDecimal tick;
    final BigDecimal averagePrice;
    final CompiledConfig config;
    private final Random random;
    private final Contract contract;

    /** @param rules the {@code rules:} entries, built from a random source by the caller */
    RandomHolder(long seed, RuleValues rules) {
        this.seed = seed;
        this.random = new Random(seed);
        this.contract = CONTRACTS.get(random.nextInt(CONTRACTS.size()));
        this.contractId = contract.id();
        this.tick = new BigDecimal(contract.tick());
        BigDecimal offGrid = random.nextInt(3) == 0 ? tick.divide(BigDecimal.valueOf(2 + random.nextInt(3)),
                8, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        this.averagePrice = new BigDecimal(contract.base()).add(tick.multiply(BigDecimal.valueOf(random.nextInt(41) - 20)))
                .add(offGrid).stripTrailingZeros();
        String yaml = "version: 7\ntimezone: America/Chicago\n" + INSTRUMENTS + "rules:\n  " + rules.yaml(random) + "\n";
        try {
            this.config = CompiledConfig.of(ConfigLoader.parse(yaml, "random.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(yaml, e);
        }
    }

    /** The random parts of one rule's entry. */
    interface RuleValues {
        String yaml(Random random);
    }

    /** A fresh state of the account: the same every time for the same seed. */
    MemoryAccountState state() {
        Random r = new Random(seed * 31 + 7);
        MemoryAccountState s = new MemoryAccountState();
        int type = r.nextBoolean() ? PositionState.LONG : PositionState.SHORT;
        int dir = type == PositionState.LONG ? 1 : -1;
        long size = 1 + r.nextInt(r.nextInt(4) == 0 ? 30 : 5);
        BigDecimal best = r.nextInt(4) == 0 ? null
                : averagePrice.add(ticks(dir * (r.nextInt(30) - 5)));
        s.putPosition(new PositionState(contractId, 1, type, size, averagePrice, T.minusSeconds(60), best, null));
        int stops = r.nextInt(4);
        List<OrderState> orders = new ArrayList<>();
        for (int i = 0; i < stops; i++) {
            int orderType = new int[] {3, 4, 4, 4, 5, 1}[r.nextInt(6)];
            int side = r.nextInt(5) == 0 ? (dir > 0 ? 0 : 1) : (dir > 0 ? 1 : 0);
            BigDecimal stopPrice = orderType == 5 && r.nextBoolean() ? null
                    : averagePrice.add(ticks(dir * (r.nextInt(24) - 16)))
                            .add(r.nextInt(5) == 0 ? tick.divide(BigDecimal.valueOf(3), 6, RoundingMode.DOWN)
                                    : BigDecimal.ZERO);
            OrderState o = new OrderState(700 + i, contractId, 1, orderType, side, 1, null, stopPrice, null, null,
                    T.minusSeconds(50 - r.nextInt(3) * 10));
            orders.add(o);
            s.putOrder(o);
        }
        PendingBook pending = PendingBook.EMPTY;
        switch (r.nextInt(8)) {
            case 0 -> pending = pending.withPosition(contractId, 0, T.plusSeconds(1 + r.nextInt(9)));
            case 1 -> pending = pending.withPosition(contractId, Math.max(0, size - 1), T.plusSeconds(1 + r.nextInt(9)));
            case 2 -> pending = pending.withFlatten(T.plusSeconds(1 + r.nextInt(9)));
            case 3 -> {
                if (!orders.isEmpty()) {
                    OrderState o = orders.get(r.nextInt(orders.size()));
                    pending = pending.withModify(o.orderId(), averagePrice.add(ticks(dir * (r.nextInt(12) - 4))),
                            T.plusSeconds(1 + r.nextInt(9)));
                }
            }
            case 4 -> pending = pending.withPosition(contractId, 0, T.minusSeconds(1)); // expired already
            default -> { }
        }
        s.setPending(pending);
        switch (r.nextInt(10)) {
            case 0 -> s.setLocks(new LockBook(List.of(new LockRecord(7, T.plusSeconds(1 + r.nextInt(300))))));
            case 1 -> s.setLocks(new LockBook(List.of(new LockRecord(10, null))));
            case 2 -> s.setLocks(new LockBook(List.of(new LockRecord(6, T.minusSeconds(1))))); // ended
            default -> { }
        }
        return s;
    }

    BigDecimal ticks(long n) {
        return tick.multiply(BigDecimal.valueOf(n));
    }

    PositionState position(MemoryAccountState s) {
        return s.position(contractId);
    }

    TriggerContext view(MemoryAccountState s, Instant t) {
        return TriggerContext.view(s, config, ACCOUNT, t, MarkView.NONE);
    }

    /** A quote trigger at {@code t} whose merged quote has {@code mark} as its last price. */
    Decision quoteAt(RiskEngine engine, MemoryAccountState s, BigDecimal mark, Instant t) {
        QuoteState quote = new QuoteState(mark, null, null, t);
        return engine.onQuote(s, config, ACCOUNT, contractId, t, c -> c.equals(contractId) ? quote : null);
    }

    /**
     * Marks inside the band: random ones between its edges (within 3 % of the average price where an
     * edge is open), and the decimals just inside each finite edge.
     */
    List<BigDecimal> marksInside(QuietBand band, int n) {
        double price = averagePrice.doubleValue();
        double low = Double.isInfinite(band.low()) ? price * 0.97 : band.low();
        double high = Double.isInfinite(band.high()) ? price * 1.03 : band.high();
        List<BigDecimal> out = new ArrayList<>();
        if (!(low < high)) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            double m = low + random.nextDouble() * (high - low);
            BigDecimal d = random.nextBoolean() ? BigDecimal.valueOf(m)
                    : BigDecimal.valueOf(m).setScale(random.nextInt(5), RoundingMode.HALF_UP);
            if (d.signum() > 0 && band.quietAt(d.doubleValue(), T)) {
                out.add(d);
            }
        }
        for (double edge : new double[] {Math.nextUp(band.low()), Math.nextDown(band.high())}) {
            if (!Double.isInfinite(edge) && edge > 0 && band.quietAt(edge, T)) {
                out.add(new BigDecimal(edge));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "seed " + seed + " " + contractId + " avg " + averagePrice;
    }
}
