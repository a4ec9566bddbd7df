package io.riskguard.testing;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DeadLetter;
import io.riskguard.engine.RuleListener;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.state.MemoryAccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small script language for rule tests: write events in time order, replay them through the
 * engine exactly as a replay would (timers included), and inspect the actions.
 *
 * <pre>
 * RuleScript s = RuleScript.withRules("daily_realized_loss: { limit: -300.00 }");
 * s.at("15:00:00").trade(2002, 9001, 501, "-300.00");
 * assertThat(s.run()).extracting(Action::kind).containsExactly(LOCK, FLATTEN);
 * </pre>
 *
 * Times without a date are on 2026-03-02 (a Monday, CST); contract ids with fewer than four tokens
 * get the {@code CON.F.US.} prefix ({@code MNQ.H26}). The base config is CONTRACT.md §3's calendar,
 * instruments and aliases with only the given rules.
 */
public final class RuleScript {

    public static final int LONG = 1;
    public static final int SHORT = 2;
    public static final int BUY = 0;
    public static final int SELL = 1;

    public static final String BASE = """
            version: 7
            timezone: America/Chicago
            daily_reset: { enabled: true, time: "17:00" }
            session:
              enabled: true
              start: "08:30"
              end: "15:00"
              days: [MON, TUE, WED, THU, FRI]
              holidays: [2026-11-26, 2026-12-25]
              early_close: { "2026-11-27": "12:00" }
              close_grace_seconds: 60
            instruments:
              ES:  { tick_size: 0.25, tick_value: 12.50 }
              MES: { tick_size: 0.25, tick_value: 1.25 }
              NQ:  { tick_size: 0.25, tick_value: 5.00 }
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
              RTY: { tick_size: 0.10, tick_value: 5.00 }
              M2K: { tick_size: 0.10, tick_value: 0.50 }
              YM:  { tick_size: 1.00, tick_value: 5.00 }
              MYM: { tick_size: 1.00, tick_value: 0.50 }
              CL:  { tick_size: 0.01, tick_value: 10.00 }
              GC:  { tick_size: 0.10, tick_value: 10.00 }
            aliases: { EP: ES, ENQ: NQ }
            quotes: { max_age_seconds: 5 }
            """;

    private final RiskConfig config;
    private final List<String> lines = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-02T14:00:00Z");
    private SequentialReplay.Result result;

    private RuleScript(RiskConfig config) {
        this.config = config;
    }

    /** The base config with a {@code rules:} block made of the given entries (one per line). */
    public static RuleScript withRules(String... ruleEntries) {
        StringBuilder yaml = new StringBuilder(BASE).append("rules:\n");
        for (String entry : ruleEntries) {
            yaml.append("  ").append(entry).append('\n');
        }
        return withConfig(yaml.toString());
    }

    public static RuleScript withConfig(String yaml) {
        try {
            return new RuleScript(ConfigLoader.parse(yaml, "test.yaml"));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Sets the ts of the following events: {@code 15:00:00}, {@code 15:00:00.500} or a full instant. */
    public RuleScript at(String time) {
        now = time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
        return this;
    }

    public Instant now() {
        return now;
    }

    public static String contract(String shortId) {
        return shortId.split("\\.").length >= 4 ? shortId : "CON.F.US." + shortId;
    }

    public RuleScript position(long account, String contract, int type, long size, String averagePrice) {
        return position(account, 1, contract, type, size, averagePrice);
    }

    public RuleScript position(long account, long positionId, String contract, int type, long size,
            String averagePrice) {
        return event("position", account, null, String.format(
                "{\"id\":%d,\"accountId\":%d,\"contractId\":\"%s\",\"type\":%d,\"size\":%d,\"averagePrice\":%s}",
                positionId, account, contract(contract), type, size, averagePrice));
    }

    public RuleScript closePosition(long account, String contract) {
        return position(account, contract, 0, 0, "0");
    }

    /** A working order (status 1). {@code stopPrice} may be null. */
    public RuleScript order(long account, long id, String contract, int type, int side, String stopPrice) {
        return order(account, id, contract, 1, type, side, stopPrice);
    }

    public RuleScript order(long account, long id, String contract, int status, int type, int side, String stopPrice) {
        String stop = stopPrice == null ? "null" : stopPrice;
        return event("order", account, null, String.format(
                "{\"id\":%d,\"accountId\":%d,\"contractId\":\"%s\",\"status\":%d,\"type\":%d,\"side\":%d,"
                        + "\"size\":1,\"stopPrice\":%s}",
                id, account, contract(contract), status, type, side, stop));
    }

    /** A fill; {@code pnl} null for an opening fill. */
    public RuleScript trade(long account, long id, long orderId, String pnl) {
        return trade(account, id, orderId, pnl, "0", false);
    }

    public RuleScript trade(long account, long id, long orderId, String pnl, String fees, boolean voided) {
        return event("trade", account, null, String.format(
                "{\"id\":%d,\"accountId\":%d,\"contractId\":\"CON.F.US.MNQ.H26\",\"price\":21000.00,"
                        + "\"profitAndLoss\":%s,\"fees\":%s,\"side\":0,\"size\":1,\"voided\":%b,\"orderId\":%d}",
                id, account, pnl == null ? "null" : pnl, fees, voided, orderId));
    }

    public RuleScript account(long account, boolean canTrade) {
        return event("account", account, null,
                String.format("{\"id\":%d,\"name\":\"acct\",\"canTrade\":%b}", account, canTrade));
    }

    public RuleScript quote(String contract, String lastPrice) {
        return event("quote", null, contract(contract), "{\"lastPrice\":" + lastPrice + "}");
    }

    public RuleScript quote(String contract, String bestBid, String bestAsk) {
        return event("quote", null, contract(contract),
                "{\"bestBid\":" + bestBid + ",\"bestAsk\":" + bestAsk + "}");
    }

    public RuleScript clock() {
        lines.add("{\"type\":\"clock\",\"ts\":\"" + now + "\"}");
        return this;
    }

    public RuleScript line(String raw) {
        lines.add(raw);
        return this;
    }

    private RuleScript event(String type, Long account, String contractId, String data) {
        StringBuilder sb = new StringBuilder("{\"type\":\"").append(type).append("\",\"ts\":\"").append(now).append('"');
        if (account != null) {
            sb.append(",\"accountId\":").append(account);
        }
        if (contractId != null) {
            sb.append(",\"contractId\":\"").append(contractId).append('"');
        }
        lines.add(sb.append(",\"data\":").append(data).append('}').toString());
        return this;
    }

    /** Replays everything written so far; event time ends at the last event. */
    public List<Action> run() {
        return run(RuleListener.NONE);
    }

    /** Replays everything written so far, telling {@code listener} what each trigger breached. */
    public List<Action> run(RuleListener listener) {
        result = new SequentialReplay(config, listener).run(List.of(List.copyOf(lines)), null);
        return result.actions();
    }

    public List<Action> run(ActionKind... kinds) {
        List<ActionKind> wanted = List.of(kinds);
        return run().stream().filter(a -> wanted.contains(a.kind())).toList();
    }

    public List<DeadLetter> deadLetters() {
        return result.deadLetters();
    }

    public MemoryAccountState state(long account) {
        return result.accounts().get(account);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
