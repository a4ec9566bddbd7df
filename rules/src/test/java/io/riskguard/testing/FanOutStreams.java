package io.riskguard.testing;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.replay.SequentialReplay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random event streams for the quote fan-out differential tests: many accounts holding few
 * contracts, marks wandering back and forth across the RULE-004/005/012 thresholds, traders who
 * open, scale, reduce, flip and close positions and who place, tighten, loosen and cancel their
 * stops, losses that lock accounts (RULE-003, RULE-007) and a broker that disables trading for a
 * while (RULE-010), quotes that are one-sided, come without a last price, or pause long enough to
 * go stale. The broker also answers some of Riskguard's own actions (a stop moved as asked, a
 * close filled), found by running the reference replay alongside the simulation, so enforcement in
 * flight ends both by expiry and by the broker's event.
 *
 * <p>Every stream has its own accounts and contract months ({@code index}), and all its rule
 * values are per-account overrides, so streams can be merged into one replay under one config
 * ({@link #config}) and decide exactly what each decides alone. Deterministic per seed.
 */
public final class FanOutStreams {

    /** One stream: its event lines (ts order) and the per-account rule overrides (YAML flow maps). */
    public record Stream(long seed, int index, List<String> lines, Map<Long, String> overrides) {

        /** This stream alone under the base config. */
        public String config() {
            return FanOutStreams.config(List.of(this));
        }
    }

    public static final Instant START = Instant.parse("2026-03-02T20:40:00Z");

    private static final String[] MONTHS = {"F", "G", "H", "J", "K", "M", "N", "Q", "U", "V", "X", "Z"};

    private record Root(String broker, String tick, String tickValue, String base) {}

    private static final List<Root> ROOTS = List.of(
            new Root("MNQ", "0.25", "0.50", "21000"),
            new Root("EP", "0.25", "12.50", "6000"),
            new Root("CL", "0.01", "10.00", "71.50"),
            new Root("ZT", "0.03", "1.70", "112.50"),
            new Root("YM", "1.00", "5.00", "44000"));

    /** Never in {@code instruments}: price rules skip it (and warn once). */
    private static final Root UNPRICED = new Root("RTY", "0.10", "5.00", "2300");

    /**
     * The base config: every rule that can interact with the price rules is on, with values loose
     * enough that the per-account overrides decide; the session ends at 21:00Z (15:00 CST), inside
     * the streams, so RULE-009 locks and flattens at the close.
     */
    public static String config(Collection<Stream> streams) {
        return config(7, streams, Map.of());
    }

    /**
     * The config of version {@code version} for these streams, each account's overrides replaced by
     * {@code replaced} where it has an entry: what a live config update would bring.
     */
    public static String config(int version, Collection<Stream> streams, Map<Long, String> replaced) {
        StringBuilder y = new StringBuilder("version: " + version + "\n" + """
                timezone: America/Chicago
                daily_reset: { enabled: true, time: "17:00" }
                session: { enabled: true, start: "08:30", end: "15:00", days: [MON, TUE, WED, THU, FRI], close_grace_seconds: 30 }
                instruments:
                  MNQ: { tick_size: 0.25, tick_value: 0.50 }
                  ES:  { tick_size: 0.25, tick_value: 12.50 }
                  CL:  { tick_size: 0.01, tick_value: 10.00 }
                  ZT:  { tick_size: 0.03, tick_value: 1.70 }
                  YM:  { tick_size: 1.00, tick_value: 5.00 }
                aliases: { EP: ES }
                quotes: { max_age_seconds: 4 }
                rules:
                  max_contracts: { enabled: true, limit: 8, count: net, enforcement: reduce_to_limit }
                  daily_realized_loss: { enabled: true, limit: -2000.00 }
                  daily_unrealized_loss: { enabled: true, limit: -300.00 }
                  max_unrealized_profit: { enabled: true, target: 500.00 }
                  cooldown_after_loss: { enabled: true, tiers: [ { loss: -150.00, cooldown: 90s }, { loss: -400.00, cooldown: 5m } ] }
                  no_stop_loss_grace: { enabled: true, grace_seconds: 45 }
                  session_block_outside: { enabled: true }
                  auth_loss_guard: { enabled: true }
                accounts:
                """);
        Map<Long, String> all = new TreeMap<>();
        streams.forEach(s -> all.putAll(s.overrides()));
        all.putAll(replaced);
        all.forEach((account, rules) -> y.append("  \"").append(account).append("\": { rules: ").append(rules)
                .append(" }\n"));
        if (all.isEmpty()) {
            y.append("  {}\n");
        }
        return y.toString();
    }

    /** New random overrides for some of the stream's accounts (for a config update mid-stream). */
    public static Map<Long, String> otherOverrides(Stream s, long seed) {
        Random r = new Random(seed);
        Map<Long, String> out = new TreeMap<>();
        for (long account : s.overrides().keySet()) {
            if (r.nextBoolean()) {
                out.put(account, randomRules(r, ROOTS.get(r.nextInt(ROOTS.size()))));
            }
        }
        return out;
    }

    public static Stream generate(long seed, int index) {
        return new Simulation(seed, index).run();
    }

    private FanOutStreams() {}

    /** The simulated market, traders and broker of one stream. */
    private static final class Simulation {

        private record Scheduled(Instant at, long order, Runnable step) {}

        private final long seed;
        private final int index;
        private final Random r;
        private final List<String> lines = new ArrayList<>();
        private final Map<Long, String> overrides = new TreeMap<>();
        private final List<Market> markets = new ArrayList<>();
        private final List<Trader> traders = new ArrayList<>();
        private final Map<Long, Trader> byAccount = new HashMap<>();
        private final PriorityQueue<Scheduled> later = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
        private long scheduled;
        private long nextId;
        private Instant now = START;
        private SequentialReplay reference;
        private int seenActions;

        Simulation(long seed, int index) {
            this.seed = seed;
            this.index = index;
            this.r = new Random(seed);
            this.nextId = 1_000_000L * (index + 1);
        }

        Stream run() {
            String suffix = MONTHS[index % MONTHS.length] + (26 + index / MONTHS.length);
            int contracts = 1 + r.nextInt(3);
            List<Root> roots = new ArrayList<>(ROOTS);
            java.util.Collections.shuffle(roots, r);
            for (int i = 0; i < contracts; i++) {
                markets.add(new Market(roots.get(i), "CON.F.US." + roots.get(i).broker() + "." + suffix));
            }
            if (r.nextInt(4) == 0) {
                markets.add(new Market(UNPRICED, "CON.F.US.RTY." + suffix));
            }
            int accounts = 5 + r.nextInt(36);
            for (int i = 0; i < accounts; i++) {
                long id = 5001 + 100L * index + i;
                Trader t = new Trader(id, markets.get(r.nextInt(contracts)));
                traders.add(t);
                byAccount.put(id, t);
                overrides.put(id, t.rules());
            }
            Stream stream = new Stream(seed, index, lines, overrides);
            try {
                reference = new SequentialReplay(ConfigLoader.parse(stream.config(), "stream.yaml"));
            } catch (ConfigException e) {
                throw new IllegalStateException(stream.config(), e);
            }
            now = START.plusSeconds(60L * r.nextInt(16));
            Instant end = now.plusSeconds(120 + r.nextInt(240));
            while (now.isBefore(end)) {
                step();
                now = now.plusMillis(100 + r.nextInt(300));
            }
            return stream;
        }

        private void step() {
            while (!later.isEmpty() && !later.peek().at().isAfter(now)) {
                later.poll().step().run();
            }
            for (Market m : markets) {
                m.maybeQuote();
            }
            for (Trader t : traders) {
                t.maybeAct();
            }
            if (r.nextInt(60) == 0) {
                emit("{\"type\":\"clock\",\"ts\":\"" + now + "\"}");
            }
        }

        private void at(long delayMillis, Runnable step) {
            later.add(new Scheduled(now.plusMillis(delayMillis), scheduled++, step));
        }

        private void emit(String line) {
            lines.add(line);
            try {
                reference.accept(EventCodec.parse(line), now);
            } catch (RejectedInputException e) {
                throw new IllegalStateException(line, e);
            }
            List<Action> decided = reference.decidedFrom(seenActions);
            seenActions += decided.size();
            for (Action a : decided) {
                Trader t = byAccount.get(a.accountId());
                if (t != null && r.nextInt(10) < 7) {
                    at(150 + r.nextInt(2500), () -> t.answer(a));
                }
            }
        }

        private String event(String type, long account, String data) {
            return "{\"type\":\"" + type + "\",\"ts\":\"" + now + "\",\"accountId\":" + account + ",\"data\":" + data + "}";
        }

        private static String price(BigDecimal p) {
            return p.stripTrailingZeros().toPlainString();
        }

        /** One contract's random-walk price and its quotes. */
        private final class Market {
            final Root root;
            final String contractId;
            final BigDecimal tick;
            BigDecimal price;
            Instant silentUntil = START;

            Market(Root root, String contractId) {
                this.root = root;
                this.contractId = contractId;
                this.tick = new BigDecimal(root.tick());
                this.price = new BigDecimal(root.base());
            }

            BigDecimal ticks(long n) {
                return tick.multiply(BigDecimal.valueOf(n));
            }

            void maybeQuote() {
                if (now.isBefore(silentUntil) || r.nextInt(10) < 4) {
                    return;
                }
                if (r.nextInt(400) == 0) {
                    silentUntil = now.plusSeconds(3 + r.nextInt(8)); // long enough to go stale
                    return;
                }
                int move = r.nextInt(100) < 2 ? (r.nextBoolean() ? 1 : -1) * (8 + r.nextInt(30)) : r.nextInt(5) - 2;
                price = price.add(ticks(move)).max(ticks(10));
                String data = switch (r.nextInt(20)) {
                    case 0, 1, 2 -> "{\"bestBid\":" + price(price.subtract(tick)) + ",\"bestAsk\":" + price(price.add(tick)) + "}";
                    case 3 -> "{\"bestBid\":" + price(price) + "}";
                    case 4 -> "{\"bestAsk\":" + price(price) + "}";
                    case 5, 6 -> "{\"lastPrice\":0,\"bestBid\":" + price(price.subtract(tick)) + ",\"bestAsk\":"
                            + price(price) + "}";
                    case 7 -> "{\"lastPrice\":" + price(price) + ",\"bestBid\":" + price(price.subtract(tick))
                            + ",\"bestAsk\":" + price(price.add(tick)) + ",\"volume\":" + r.nextInt(9999) + "}";
                    default -> "{\"lastPrice\":" + price(price) + "}";
                };
                emit("{\"type\":\"quote\",\"ts\":\"" + now + "\",\"contractId\":\"" + contractId + "\",\"data\":" + data + "}");
            }
        }

        private record Stop(long id, String contractId, int type, int side, BigDecimal stopPrice) {}

        private record Held(int type, long size, BigDecimal average) {}

        /** One account: its own rule values, positions and stops; acts every few seconds. */
        private final class Trader {
            final long account;
            final Market home;
            final Map<String, Held> positions = new TreeMap<>();
            final Map<Long, Stop> stops = new TreeMap<>();
            final double activity = 0.01 + r.nextDouble() * 0.05;
            boolean canTrade = true;

            Trader(long account, Market home) {
                this.account = account;
                this.home = home;
            }

            String rules() {
                return randomRules(r, home.root);
            }

            void maybeAct() {
                if (r.nextDouble() > activity) {
                    return;
                }
                Market m = r.nextInt(5) == 0 ? markets.get(r.nextInt(markets.size())) : home;
                Held held = positions.get(m.contractId);
                int roll = r.nextInt(100);
                if (roll < 3) {
                    canTrade = !canTrade;
                    emit(event("account", account, "{\"id\":" + account + ",\"name\":\"A" + account
                            + "\",\"canTrade\":" + canTrade + "}"));
                } else if (held == null) {
                    open(m, r.nextBoolean() ? 1 : 2, 1 + r.nextInt(3));
                } else if (roll < 40) {
                    moveAStop(m, held);
                } else if (roll < 50) {
                    placeStop(m, held, r.nextInt(4) == 0);
                } else if (roll < 56) {
                    stops.values().stream().filter(s -> s.contractId().equals(m.contractId)).findFirst()
                            .ifPresent(s -> cancel(s.id()));
                } else if (roll < 64) {
                    resize(m, held, held.size() + 1 + r.nextInt(2));
                } else if (roll < 72 && held.size() > 1) {
                    resize(m, held, held.size() - 1);
                } else if (roll < 80) {
                    close(m, held);
                } else if (roll < 84) {
                    close(m, held);
                    open(m, held.type() == 1 ? 2 : 1, 1 + r.nextInt(3)); // a flip, as two events at one instant
                } else if (roll < 88) {
                    emitPosition(m, held); // a duplicate snapshot
                }
            }

            void open(Market m, int type, long size) {
                BigDecimal average = m.price.add(r.nextInt(3) == 0 ? m.tick.divide(BigDecimal.valueOf(2)) : BigDecimal.ZERO);
                Held held = new Held(type, size, average);
                positions.put(m.contractId, held);
                emitPosition(m, held);
                fill(m, null);
                if (r.nextInt(10) < 8) {
                    at(200 + r.nextInt(20_000), () -> {
                        if (positions.get(m.contractId) == held) {
                            placeStop(m, held, false);
                        }
                    });
                }
            }

            void resize(Market m, Held held, long size) {
                BigDecimal average = size > held.size()
                        ? held.average().add(m.price).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN)
                        : held.average();
                Held next = new Held(held.type(), size, average.stripTrailingZeros());
                positions.put(m.contractId, next);
                emitPosition(m, next);
                fill(m, size < held.size() ? realized(m, held) : null);
            }

            void close(Market m, Held held) {
                positions.remove(m.contractId);
                emit(event("position", account, "{\"id\":" + account + ",\"accountId\":" + account + ",\"contractId\":\""
                        + m.contractId + "\",\"type\":" + held.type() + ",\"size\":0,\"averagePrice\":0}"));
                fill(m, realized(m, held));
                for (Stop s : List.copyOf(stops.values())) {
                    if (s.contractId().equals(m.contractId) && r.nextBoolean()) {
                        cancel(s.id());
                    }
                }
            }

            BigDecimal realized(Market m, Held held) {
                BigDecimal points = m.price.subtract(held.average()).multiply(BigDecimal.valueOf(held.type() == 1 ? 1 : -1));
                BigDecimal perPoint = new BigDecimal(m.root.tickValue()).divide(m.tick, 6, RoundingMode.HALF_EVEN);
                return points.multiply(perPoint).multiply(BigDecimal.valueOf(held.size())).setScale(2, RoundingMode.HALF_EVEN);
            }

            void fill(Market m, BigDecimal pnl) {
                long id = nextId++;
                emit(event("trade", account, "{\"id\":" + id + ",\"accountId\":" + account + ",\"contractId\":\""
                        + m.contractId + "\",\"price\":" + price(m.price) + ",\"profitAndLoss\":"
                        + (pnl == null ? "null" : pnl.toPlainString()) + ",\"fees\":0.37,\"side\":0,\"size\":1,"
                        + "\"voided\":false,\"orderId\":" + (id + 500_000) + "}"));
            }

            void emitPosition(Market m, Held held) {
                emit(event("position", account, "{\"id\":" + account + ",\"accountId\":" + account + ",\"contractId\":\""
                        + m.contractId + "\",\"type\":" + held.type() + ",\"size\":" + held.size() + ",\"averagePrice\":"
                        + price(held.average()) + "}"));
            }

            void placeStop(Market m, Held held, boolean odd) {
                int dir = held.type() == 1 ? 1 : -1;
                int type = odd ? new int[] {1, 5, 3}[r.nextInt(3)] : (r.nextInt(6) == 0 ? 3 : 4);
                int side = odd && r.nextBoolean() ? (dir > 0 ? 0 : 1) : (dir > 0 ? 1 : 0);
                BigDecimal stopPrice = type == 5 && r.nextBoolean() ? null
                        : m.price.subtract(m.ticks((long) dir * (2 + r.nextInt(20))));
                Stop s = new Stop(nextId++, m.contractId, type, side, stopPrice);
                stops.put(s.id(), s);
                emitOrder(s, 1);
            }

            void moveAStop(Market m, Held held) {
                Stop s = stops.values().stream().filter(x -> x.contractId().equals(m.contractId) && x.stopPrice() != null)
                        .findFirst().orElse(null);
                if (s == null) {
                    return;
                }
                int dir = held.type() == 1 ? 1 : -1;
                long ticks = r.nextInt(3) == 0 ? -(1 + r.nextInt(6)) : 1 + r.nextInt(6); // loosen sometimes
                BigDecimal next = s.stopPrice().add(m.ticks(ticks * dir));
                if (next.subtract(m.price).signum() * dir >= 0) {
                    return; // would be on the wrong side of the market
                }
                Stop moved = new Stop(s.id(), s.contractId(), s.type(), s.side(), next);
                stops.put(s.id(), moved);
                emitOrder(moved, 1);
            }

            void cancel(long orderId) {
                Stop s = stops.remove(orderId);
                if (s != null) {
                    emitOrder(s, 3);
                }
            }

            void emitOrder(Stop s, int status) {
                emit(event("order", account, "{\"id\":" + s.id() + ",\"accountId\":" + account + ",\"contractId\":\""
                        + s.contractId() + "\",\"status\":" + status + ",\"type\":" + s.type() + ",\"side\":" + s.side()
                        + ",\"size\":1,\"stopPrice\":" + (s.stopPrice() == null ? "null" : price(s.stopPrice())) + "}"));
            }

            /** The broker carrying out one of Riskguard's actions. */
            void answer(Action a) {
                switch (a.kind()) {
                    case MODIFY_STOP -> {
                        Stop s = stops.get(a.orderId());
                        if (s != null) {
                            Stop moved = new Stop(s.id(), s.contractId(), s.type(), s.side(), a.stopPrice());
                            stops.put(s.id(), moved);
                            emitOrder(moved, 1);
                        }
                    }
                    case CANCEL_ORDER -> cancel(a.orderId());
                    case CLOSE_POSITION, REDUCE_POSITION -> {
                        Market m = market(a.contractId());
                        Held held = positions.get(a.contractId());
                        if (m != null && held != null) {
                            if (a.kind() == io.riskguard.contract.ActionKind.REDUCE_POSITION && a.size() < held.size()) {
                                resize(m, held, held.size() - a.size());
                            } else {
                                close(m, held);
                            }
                        }
                    }
                    case FLATTEN -> {
                        for (String c : List.copyOf(positions.keySet())) {
                            close(market(c), positions.get(c));
                        }
                        for (long id : List.copyOf(stops.keySet())) {
                            cancel(id);
                        }
                    }
                    default -> { }
                }
            }

            Market market(String contractId) {
                for (Market m : markets) {
                    if (m.contractId.equals(contractId)) {
                        return m;
                    }
                }
                return null;
            }
        }
    }

    /**
     * An account's rule values, as overrides: limits and targets in ticks of the contract it mostly
     * trades, so that prices cross them; RULE-012 with break-even, trailing or both (the base config
     * has no RULE-012 entry: an override cannot remove a part of one), or off.
     */
    private static String randomRules(Random r, Root home) {
        BigDecimal perTick = new BigDecimal(home.tickValue());
        Map<String, String> rules = new TreeMap<>();
        rules.put("daily_unrealized_loss", "{ limit: -" + perTick.multiply(BigDecimal.valueOf(6 + r.nextInt(50)))
                .setScale(2, RoundingMode.HALF_UP) + " }");
        rules.put("max_unrealized_profit", "{ target: " + perTick.multiply(BigDecimal.valueOf(6 + r.nextInt(60)))
                .setScale(2, RoundingMode.HALF_UP) + " }");
        if (r.nextInt(5) > 0) {
            int trigger = 1 + r.nextInt(8);
            String be = "breakeven: { trigger_ticks: " + trigger + ", offset_ticks: " + r.nextInt(trigger) + " }";
            String tr = "trailing: { activation_ticks: " + (1 + r.nextInt(14)) + ", trail_ticks: " + (1 + r.nextInt(6))
                    + " }";
            rules.put("trade_management", "{ " + switch (r.nextInt(3)) {
                case 0 -> be;
                case 1 -> tr;
                default -> be + ", " + tr;
            } + " }");
        }
        if (r.nextInt(4) == 0) {
            rules.put(r.nextBoolean() ? "max_unrealized_profit" : "cooldown_after_loss", "{ enabled: false }");
        }
        StringBuilder y = new StringBuilder("{ ");
        rules.forEach((k, v) -> y.append(y.length() > 2 ? ", " : "").append(k).append(": ").append(v));
        return y.append(" }").toString();
    }

    /** For error messages: which stream. */
    public static String describe(Stream s) {
        return String.format(Locale.ROOT, "stream %d (seed %d, %d lines, %d accounts)", s.index(), s.seed(),
                s.lines().size(), s.overrides().size());
    }
}
