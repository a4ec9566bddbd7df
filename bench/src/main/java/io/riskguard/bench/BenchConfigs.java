package io.riskguard.bench;

import io.riskguard.state.MemoryAccountState;
import io.riskguard.state.OrderState;
import io.riskguard.state.PositionState;
import java.util.List;

/** The account, events and configs the engine benchmark uses. */
final class BenchConfigs {

    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";
    static final String GC = "CON.F.US.GC.J26";
    static final String TS = "2026-03-02T15:00:00Z";

    private BenchConfigs() {}

    static String yaml(boolean allRules) {
        String base = """
                version: 1
                timezone: America/Chicago
                daily_reset: { enabled: true, time: "17:00" }
                session:
                  start: "08:30"
                  end: "15:00"
                  days: [MON, TUE, WED, THU, FRI]
                  close_grace_seconds: 60
                instruments:
                  ES:  { tick_size: 0.25, tick_value: 12.50 }
                  MNQ: { tick_size: 0.25, tick_value: 0.50 }
                  GC:  { tick_size: 0.10, tick_value: 10.00 }
                aliases: { EP: ES, ENQ: NQ }
                quotes: { max_age_seconds: 5 }
                """;
        if (!allRules) {
            return base;
        }
        return base + """
                rules:
                  max_contracts:                { limit: 20 }
                  max_contracts_per_instrument: { default_limit: 10 }
                  daily_realized_loss:          { limit: -5000.00 }
                  daily_unrealized_loss:        { limit: -3000.00 }
                  max_unrealized_profit:        { target: 5000.00 }
                  trade_frequency_limit:        { count: orders, per_minute: 100, per_hour: 1000, per_session: 5000 }
                  cooldown_after_loss:          { tiers: [ { loss: -1000.00, cooldown: 5m } ] }
                  no_stop_loss_grace:           { grace_seconds: 30 }
                  session_block_outside:        { enabled: true }
                  auth_loss_guard:              { enabled: true }
                  symbol_blocks:                { symbols: [RTY, "CL*"] }
                  trade_management:             { breakeven: { trigger_ticks: 400, offset_ticks: 1 }, trailing: { activation_ticks: 800, trail_ticks: 4 } }
                  daily_realized_profit:        { target: 10000.00 }
                """;
    }

    /** 3 positions, 5 working orders (3 protective stops, 2 limits), fresh quotes, some trades. */
    static List<String> setupEvents(long account) {
        return List.of(
                quote(MNQ, "21000.00", "2026-03-02T14:59:59Z"),
                quote(ES, "6000.00", "2026-03-02T14:59:59Z"),
                quote(GC, "2900.0", "2026-03-02T14:59:59Z"),
                position(account, MNQ, 1, 2, "20990.00", "2026-03-02T14:50:00Z"),
                position(account, ES, 2, 1, "6001.00", "2026-03-02T14:50:01Z"),
                position(account, GC, 1, 1, "2899.0", "2026-03-02T14:50:02Z"),
                order(account, 501, MNQ, 4, 1, "20950.00", "2026-03-02T14:50:03Z"),
                order(account, 502, ES, 4, 0, "6010.00", "2026-03-02T14:50:04Z"),
                order(account, 503, GC, 4, 1, "2890.0", "2026-03-02T14:50:05Z"),
                order(account, 504, MNQ, 1, 1, null, "2026-03-02T14:50:06Z"),
                order(account, 505, ES, 1, 0, null, "2026-03-02T14:50:07Z"),
                trade(account, 9001, 601, "null", "2026-03-02T14:50:08Z"),
                trade(account, 9002, 602, "-25.00", "2026-03-02T14:50:09Z"));
    }

    static String positionUpdate(long account) {
        return position(account, MNQ, 1, 3, "20993.00", TS);
    }

    static String orderUpdate(long account) {
        return order(account, 506, MNQ, 1, 1, null, TS);
    }

    static String trade(long account) {
        return trade(account, 9003, 603, "-40.00", TS);
    }

    private static String quote(String contract, String last, String ts) {
        return "{\"type\":\"quote\",\"ts\":\"" + ts + "\",\"contractId\":\"" + contract + "\",\"data\":{\"lastPrice\":"
                + last + "}}";
    }

    private static String position(long account, String contract, int type, long size, String avg, String ts) {
        return "{\"type\":\"position\",\"ts\":\"" + ts + "\",\"accountId\":" + account + ",\"data\":{\"id\":1,"
                + "\"accountId\":" + account + ",\"contractId\":\"" + contract + "\",\"type\":" + type + ",\"size\":"
                + size + ",\"averagePrice\":" + avg + "}}";
    }

    private static String order(long account, long id, String contract, int type, int side, String stop, String ts) {
        String price = stop == null ? "\"limitPrice\":100.00" : "\"stopPrice\":" + stop;
        return "{\"type\":\"order\",\"ts\":\"" + ts + "\",\"accountId\":" + account + ",\"data\":{\"id\":" + id
                + ",\"accountId\":" + account + ",\"contractId\":\"" + contract + "\",\"status\":1,\"type\":" + type
                + ",\"side\":" + side + ",\"size\":1," + price + "}}";
    }

    private static String trade(long account, long id, long orderId, String pnl, String ts) {
        return "{\"type\":\"trade\",\"ts\":\"" + ts + "\",\"accountId\":" + account + ",\"data\":{\"id\":" + id
                + ",\"accountId\":" + account + ",\"contractId\":\"" + MNQ + "\",\"price\":21000.00,\"profitAndLoss\":"
                + pnl + ",\"fees\":0.74,\"side\":0,\"size\":1,\"voided\":false,\"orderId\":" + orderId + "}}";
    }

    /** A deep enough copy: every component is immutable, so copying the containers is enough. */
    static MemoryAccountState copy(MemoryAccountState from) {
        MemoryAccountState to = new MemoryAccountState();
        for (PositionState p : from.positions()) {
            to.putPosition(p);
        }
        for (OrderState o : from.orders()) {
            to.putOrder(o);
        }
        from.trades().forEach(to::putTrade);
        from.orderLosses().forEach(to::putOrderLoss);
        to.setFills(from.fills());
        to.setDay(from.day());
        to.setLocks(from.locks());
        to.setPending(from.pending());
        to.setFlags(from.flags());
        to.setIdCursor(from.idCursor());
        to.setTimers(from.timers());
        return to;
    }
}
