package io.riskguard.job.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A deterministic simulated trading day: random-walk quotes on a few contracts and traders who
 * open positions with market orders, usually protect them with a stop, hold, and exit, each
 * emitting the broker's order, trade and position events in a realistic sequence. A few trader
 * profiles break rules on purpose (over-trading, oversized positions, no stop, steady losses), and
 * one account loses its trading permission for a while. Same settings and seed, same lines.
 */
public final class MarketSimulator implements Iterator<GeneratedEvent> {


    /**
     * @param quotesPerSecond total quote rate over all contracts
     * @param entriesPerHour how often a normal trader opens a position
     */
    public record Settings(int accounts, long firstAccountId, Instant start, Instant end, double quotesPerSecond,
            double entriesPerHour, long seed) {}

    private enum Profile { NORMAL, OVERTRADER, OVERSIZE, NO_STOP, LOSER }

    private record Step(Instant ts, long seq, Runnable action) {}

    private final Settings settings;
    private final Random random;
    private final PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> {
        int c = a.ts().compareTo(b.ts());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private final ArrayDeque<GeneratedEvent> ready = new ArrayDeque<>();
    private final BigDecimal[] prices;
    private long stepSeq;
    private long nextOrderId = 500_001;
    private long nextTradeId = 900_001;
    private Instant now;
    private boolean finished;

    public MarketSimulator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.now = settings.start();
        this.prices = new BigDecimal[Contracts.ALL.size()];
        for (int c = 0; c < prices.length; c++) {
            prices[c] = Contracts.ALL.get(c).startPrice();
            int contract = c;
            schedule(settings.start().plusMillis(random.nextInt(1000)), () -> quote(contract));
        }
        for (int i = 0; i < settings.accounts(); i++) {
            Trader trader = new Trader(settings.firstAccountId() + i, profileOf(i));
            schedule(settings.start().plusMillis(random.nextInt(5000)), trader::start);
        }
    }

    private static Profile profileOf(int index) {
        return switch (index % 20) {
            case 3 -> Profile.OVERTRADER;
            case 7 -> Profile.OVERSIZE;
            case 11 -> Profile.NO_STOP;
            case 15 -> Profile.LOSER;
            default -> Profile.NORMAL;
        };
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            Step step = steps.poll();
            if (step == null || step.ts().isAfter(settings.end())) {
                finished = true;
                ready.add(new GeneratedEvent(settings.end(), "clock", null, null, null));
                break;
            }
            now = step.ts();
            step.action().run();
        }
        return !ready.isEmpty();
    }

    @Override
    public GeneratedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void schedule(Instant at, Runnable action) {
        steps.add(new Step(at, stepSeq++, action));
    }

    private Instant after(double meanSeconds) {
        double seconds = -Math.log(1 - random.nextDouble()) * meanSeconds;
        return now.plus(Duration.ofMillis(Math.max(1, (long) (seconds * 1000))));
    }

    // ---- market -----------------------------------------------------------------------------------

    private void quote(int c) {
        Contracts.Spec spec = Contracts.ALL.get(c);
        int ticks = random.nextInt(5) - 2;
        prices[c] = prices[c].add(spec.tickSize().multiply(BigDecimal.valueOf(ticks)));
        String last = prices[c].toPlainString();
        String bid = prices[c].subtract(spec.tickSize()).toPlainString();
        String ask = prices[c].add(spec.tickSize()).toPlainString();
        ready.add(new GeneratedEvent(now, "quote", null, spec.contractId(),
                "{\"symbol\":\"" + spec.contractId() + "\",\"lastPrice\":" + last + ",\"bestBid\":" + bid
                        + ",\"bestAsk\":" + ask + "}"));
        schedule(after(Contracts.ALL.size() / settings.quotesPerSecond()), () -> quote(c));
    }

    // ---- traders ----------------------------------------------------------------------------------

    private final class Trader {
        private final long account;
        private final Profile profile;
        private int contract;
        private int dir;
        private long size;
        private BigDecimal entry;
        private Long stopOrder;
        private int trades;

        Trader(long account, Profile profile) {
            this.account = account;
            this.profile = profile;
        }

        void start() {
            ready.add(new GeneratedEvent(now, "account", account, null,
                    "{\"id\":" + account + ",\"name\":\"SIM-" + account + "\",\"balance\":50000.00,\"canTrade\":true,"
                            + "\"isVisible\":true,\"simulated\":true}"));
            if (account == settings.firstAccountId() + 5) {
                Instant mid = settings.start().plus(Duration.between(settings.start(), settings.end()).dividedBy(2));
                schedule(mid, () -> permission(false));
                schedule(mid.plusSeconds(1800), () -> permission(true));
            }
            schedule(after(idleSeconds()), this::enter);
        }

        private void permission(boolean canTrade) {
            ready.add(new GeneratedEvent(now, "account", account, null,
                    "{\"id\":" + account + ",\"name\":\"SIM-" + account + "\",\"canTrade\":" + canTrade + "}"));
        }

        private double idleSeconds() {
            return profile == Profile.OVERTRADER ? 45 : 3600 / settings.entriesPerHour();
        }

        void enter() {
            contract = random.nextInt(Contracts.ALL.size());
            dir = random.nextBoolean() ? 1 : -1;
            size = profile == Profile.OVERSIZE ? 4 + random.nextInt(4) : 1 + random.nextInt(2);
            entry = prices[contract];
            fill(size, null);
            position();
            if (profile != Profile.NO_STOP && random.nextInt(10) != 0) {
                schedule(now.plusMillis(500 + random.nextInt(8000)), this::placeStop);
            }
            if (profile == Profile.OVERSIZE) {
                schedule(after(30), this::scaleIn);
            }
            schedule(after(profile == Profile.OVERTRADER ? 30 : 600), this::exit);
        }

        void scaleIn() {
            if (size == 0) {
                return;
            }
            long more = 1 + random.nextInt(3);
            BigDecimal price = prices[contract];
            entry = entry.multiply(BigDecimal.valueOf(size)).add(price.multiply(BigDecimal.valueOf(more)))
                    .divide(BigDecimal.valueOf(size + more), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            size += more;
            fill(more, null);
            position();
        }

        void placeStop() {
            if (size == 0) {
                return;
            }
            Contracts.Spec spec = Contracts.ALL.get(contract);
            stopOrder = nextOrderId++;
            BigDecimal stop = entry.subtract(spec.tickSize().multiply(BigDecimal.valueOf(40L * dir)));
            order(stopOrder, 1, 4, dir > 0 ? 1 : 0, size, "\"stopPrice\":" + stop.toPlainString());
        }

        void exit() {
            if (size == 0) {
                return;
            }
            Contracts.Spec spec = Contracts.ALL.get(contract);
            if (stopOrder != null) {
                order(stopOrder, 3, 4, dir > 0 ? 1 : 0, size, "\"stopPrice\":null");
                stopOrder = null;
            }
            BigDecimal exitPrice = profile == Profile.LOSER
                    ? entry.subtract(spec.tickSize().multiply(BigDecimal.valueOf(60L * dir)))
                    : prices[contract];
            BigDecimal pnl = exitPrice.subtract(entry).multiply(BigDecimal.valueOf(dir * size))
                    .multiply(spec.tickValue()).divide(spec.tickSize(), 2, RoundingMode.HALF_EVEN);
            long closed = size;
            size = 0;
            fill(closed, pnl);
            position();
            trades++;
            schedule(after(idleSeconds()), this::enter);
        }

        /** A market order that fills at once: working, the execution, filled. */
        private void fill(long quantity, BigDecimal pnl) {
            Contracts.Spec spec = Contracts.ALL.get(contract);
            long orderId = nextOrderId++;
            int side = (pnl == null) == (dir > 0) ? 0 : 1;
            order(orderId, 1, 2, side, quantity, "\"limitPrice\":null");
            ready.add(new GeneratedEvent(now, "trade", account, null,
                    "{\"id\":" + nextTradeId++ + ",\"accountId\":" + account + ",\"contractId\":\"" + spec.contractId()
                            + "\",\"creationTimestamp\":\"" + now + "\",\"price\":" + prices[contract].toPlainString()
                            + ",\"profitAndLoss\":" + (pnl == null ? "null" : pnl.toPlainString())
                            + ",\"fees\":" + new BigDecimal("0.74").multiply(BigDecimal.valueOf(quantity))
                            + ",\"side\":" + side + ",\"size\":" + quantity + ",\"voided\":false,\"orderId\":"
                            + orderId + "}"));
            order(orderId, 2, 2, side, quantity, "\"filledPrice\":" + prices[contract].toPlainString());
        }

        private void order(long orderId, int status, int type, int side, long quantity, String price) {
            Contracts.Spec spec = Contracts.ALL.get(contract);
            ready.add(new GeneratedEvent(now, "order", account, null,
                    "{\"id\":" + orderId + ",\"accountId\":" + account + ",\"contractId\":\"" + spec.contractId()
                            + "\",\"creationTimestamp\":\"" + now + "\",\"status\":" + status + ",\"type\":" + type
                            + ",\"side\":" + side + ",\"size\":" + quantity + "," + price + "}"));
        }

        private void position() {
            Contracts.Spec spec = Contracts.ALL.get(contract);
            int type = size == 0 ? 0 : dir > 0 ? 1 : 2;
            ready.add(new GeneratedEvent(now, "position", account, null,
                    "{\"id\":" + (account * 100 + contract) + ",\"accountId\":" + account + ",\"contractId\":\""
                            + spec.contractId() + "\",\"creationTimestamp\":\"" + now + "\",\"type\":" + type
                            + ",\"size\":" + size + ",\"averagePrice\":" + (size == 0 ? "0" : entry.toPlainString())
                            + "}"));
        }
    }

    /** The simulation as JSON lines stamped with simulated time. */
    public Iterator<String> jsonLines() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return MarketSimulator.this.hasNext();
            }

            @Override
            public String next() {
                return MarketSimulator.this.next().toJson();
            }
        };
    }

    /** All events of the simulation as JSON lines. */
    public static List<String> lines(Settings settings) {
        List<String> lines = new ArrayList<>();
        new MarketSimulator(settings).jsonLines().forEachRemaining(lines::add);
        return lines;
    }
}
