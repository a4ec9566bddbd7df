package io.riskguard.state;

import java.util.Collection;
import java.util.Map;

/**
 * Everything Riskguard remembers about one account, as the engine reads and writes it. Keyed
 * collections (positions, orders, trades, order losses) are accessed entry by entry so a Flink
 * implementation can back them with {@code MapState}; the small value components are replaced
 * whole so they map onto {@code ValueState}. Value getters never return null (an empty component
 * means "nothing stored"). Iteration order of the collections is unspecified: the engine sorts
 * wherever order matters.
 */
public interface AccountState {

    PositionState position(String contractId);

    void putPosition(PositionState position);

    void removePosition(String contractId);

    Collection<PositionState> positions();

    OrderState order(long orderId);

    void putOrder(OrderState order);

    void removeOrder(long orderId);

    Collection<OrderState> orders();

    TradeRecord trade(long tradeId);

    void putTrade(TradeRecord trade);

    void removeTrade(long tradeId);

    Collection<TradeRecord> trades();

    OrderLoss orderLoss(long orderId);

    void putOrderLoss(OrderLoss loss);

    void removeOrderLoss(long orderId);

    Collection<OrderLoss> orderLosses();

    FillLog fills();

    void setFills(FillLog fills);

    DayFigures day();

    void setDay(DayFigures day);

    LockBook locks();

    void setLocks(LockBook locks);

    PendingBook pending();

    void setPending(PendingBook pending);

    AccountFlags flags();

    void setFlags(AccountFlags flags);

    IdCursor idCursor();

    void setIdCursor(IdCursor cursor);

    TimerBook timers();

    void setTimers(TimerBook timers);

    /** The account's open positions' subscriptions to their contracts' quotes, by contract; never null. */
    Map<String, Holding> holdings();

    void setHoldings(Map<String, Holding> holdings);
}
