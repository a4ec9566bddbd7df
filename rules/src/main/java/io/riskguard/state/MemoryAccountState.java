package io.riskguard.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** {@link AccountState} in plain Java collections: for tests, benchmarks and the sequential replay. */
public final class MemoryAccountState implements AccountState {

    private final Map<String, PositionState> positions = new TreeMap<>();
    private final Map<Long, OrderState> orders = new TreeMap<>();
    private final Map<Long, TradeRecord> trades = new TreeMap<>();
    private final Map<Long, OrderLoss> orderLosses = new TreeMap<>();
    private FillLog fills = FillLog.EMPTY;
    private DayFigures day = DayFigures.EMPTY;
    private LockBook locks = LockBook.EMPTY;
    private PendingBook pending = PendingBook.EMPTY;
    private AccountFlags flags = AccountFlags.EMPTY;
    private IdCursor idCursor = IdCursor.EMPTY;
    private TimerBook timers = TimerBook.EMPTY;
    private Map<String, Holding> holdings = Map.of();

    @Override
    public PositionState position(String contractId) {
        return positions.get(contractId);
    }

    @Override
    public void putPosition(PositionState position) {
        positions.put(position.contractId(), position);
    }

    @Override
    public void removePosition(String contractId) {
        positions.remove(contractId);
    }

    @Override
    public Collection<PositionState> positions() {
        return new ArrayList<>(positions.values());
    }

    @Override
    public OrderState order(long orderId) {
        return orders.get(orderId);
    }

    @Override
    public void putOrder(OrderState order) {
        orders.put(order.orderId(), order);
    }

    @Override
    public void removeOrder(long orderId) {
        orders.remove(orderId);
    }

    @Override
    public Collection<OrderState> orders() {
        return new ArrayList<>(orders.values());
    }

    @Override
    public TradeRecord trade(long tradeId) {
        return trades.get(tradeId);
    }

    @Override
    public void putTrade(TradeRecord trade) {
        trades.put(trade.tradeId(), trade);
    }

    @Override
    public void removeTrade(long tradeId) {
        trades.remove(tradeId);
    }

    @Override
    public Collection<TradeRecord> trades() {
        return new ArrayList<>(trades.values());
    }

    @Override
    public OrderLoss orderLoss(long orderId) {
        return orderLosses.get(orderId);
    }

    @Override
    public void putOrderLoss(OrderLoss loss) {
        orderLosses.put(loss.orderId(), loss);
    }

    @Override
    public void removeOrderLoss(long orderId) {
        orderLosses.remove(orderId);
    }

    @Override
    public Collection<OrderLoss> orderLosses() {
        return new ArrayList<>(orderLosses.values());
    }

    @Override
    public FillLog fills() {
        return fills;
    }

    @Override
    public void setFills(FillLog fills) {
        this.fills = fills;
    }

    @Override
    public DayFigures day() {
        return day;
    }

    @Override
    public void setDay(DayFigures day) {
        this.day = day;
    }

    @Override
    public LockBook locks() {
        return locks;
    }

    @Override
    public void setLocks(LockBook locks) {
        this.locks = locks;
    }

    @Override
    public PendingBook pending() {
        return pending;
    }

    @Override
    public void setPending(PendingBook pending) {
        this.pending = pending;
    }

    @Override
    public AccountFlags flags() {
        return flags;
    }

    @Override
    public void setFlags(AccountFlags flags) {
        this.flags = flags;
    }

    @Override
    public IdCursor idCursor() {
        return idCursor;
    }

    @Override
    public void setIdCursor(IdCursor cursor) {
        this.idCursor = cursor;
    }

    @Override
    public TimerBook timers() {
        return timers;
    }

    @Override
    public void setTimers(TimerBook timers) {
        this.timers = timers;
    }

    @Override
    public Map<String, Holding> holdings() {
        return holdings;
    }

    @Override
    public void setHoldings(Map<String, Holding> holdings) {
        this.holdings = Map.copyOf(holdings);
    }

    /** True when nothing at all is remembered: what ends has been removed. */
    public boolean isEmpty() {
        return positions.isEmpty() && orders.isEmpty() && trades.isEmpty() && orderLosses.isEmpty()
                && fills.isEmpty() && day.isEmpty() && locks.isEmpty() && pending.isEmpty()
                && flags.isEmpty() && timers.isEmpty() && holdings.isEmpty();
    }
}
