package io.riskguard.bridge;

import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.TradeEvent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the bridge last told the job about each account: its open positions, working orders, the
 * last version of its recent orders, {@code canTrade}, and the ids of its recent trades. A resynchronisation compares the broker's
 * book with this to emit only what changed while a hub was away. Used from the bridge's event
 * thread only.
 */
final class KnownAccounts {

    static final int TRADE_IDS_KEPT = 10_000;
    static final int ORDERS_KEPT = 10_000;

    static final class Account {
        final TreeMap<String, PositionEvent> positions = new TreeMap<>();
        final TreeMap<Long, OrderEvent> workingOrders = new TreeMap<>();
        /** The last version sent of recent orders, working or not (the oldest forgotten first). */
        final LinkedHashMap<Long, OrderEvent> recentOrders = new LinkedHashMap<>();
        final LinkedHashSet<Long> recentTradeIds = new LinkedHashSet<>();
        Boolean canTrade;
    }

    private final Map<Long, Account> accounts = new HashMap<>();

    Account of(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new Account());
    }

    /** Records an event the job was sent. */
    void sent(Event e) {
        if (e instanceof PositionEvent p) {
            Account a = of(p.accountId());
            if (p.size() == 0) {
                a.positions.remove(p.contractId());
            } else {
                a.positions.put(p.contractId(), p);
            }
        } else if (e instanceof OrderEvent o) {
            Account a = of(o.accountId());
            if (working(o.status())) {
                a.workingOrders.put(o.orderId(), o);
            } else {
                a.workingOrders.remove(o.orderId());
            }
            a.recentOrders.remove(o.orderId());
            a.recentOrders.put(o.orderId(), o);
            if (a.recentOrders.size() > ORDERS_KEPT) {
                a.recentOrders.remove(a.recentOrders.keySet().iterator().next());
            }
        } else if (e instanceof TradeEvent t) {
            Set<Long> ids = of(t.accountId()).recentTradeIds;
            ids.add(t.tradeId());
            if (ids.size() > TRADE_IDS_KEPT) {
                ids.remove(ids.iterator().next());
            }
        } else if (e instanceof AccountEvent a) {
            of(a.accountId()).canTrade = a.canTrade();
        }
    }

    /** Order status open (1) or pending (6). */
    static boolean working(int status) {
        return status == 1 || status == 6;
    }

    /** Same size, direction and average price: nothing the job would see as a change. */
    static boolean samePosition(PositionEvent a, PositionEvent b) {
        return a.size() == b.size() && a.positionType() == b.positionType()
                && a.averagePrice().compareTo(b.averagePrice()) == 0;
    }

    static boolean sameOrder(OrderEvent a, OrderEvent b) {
        return a.status() == b.status() && a.orderType() == b.orderType() && a.side() == b.side()
                && a.size() == b.size() && a.contractId().equals(b.contractId())
                && sameNullable(a.limitPrice(), b.limitPrice()) && sameNullable(a.stopPrice(), b.stopPrice())
                && Objects.equals(a.fillVolume(), b.fillVolume());
    }

    private static boolean sameNullable(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
