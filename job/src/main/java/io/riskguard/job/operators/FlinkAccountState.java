package io.riskguard.job.operators;

import io.riskguard.market.MarkView;
import io.riskguard.market.QuoteState;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.AccountState;
import io.riskguard.state.DayFigures;
import io.riskguard.state.FillLog;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import io.riskguard.state.TimerBook;
import io.riskguard.state.TradeRecord;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * {@link AccountState} on Flink keyed state of the current key: a MapState per keyed collection,
 * a ValueState per small component, each read at most once per trigger and written only when it
 * changes ({@link CachedMapState}, {@link CachedValueState}). Call {@link #beginTrigger()} before
 * each engine call. Storing an empty component clears its state, so what ends leaves nothing behind.
 */
final class FlinkAccountState implements AccountState, MarkView {

    private final CachedMapState<String, PositionState> positions;
    private final CachedMapState<Long, OrderState> orders;
    private final CachedMapState<Long, TradeRecord> trades;
    private final CachedMapState<Long, OrderLoss> orderLosses;
    private final CachedMapState<String, QuoteState> marks;
    private final CachedValueState<FillLog> fills;
    private final CachedValueState<DayFigures> day;
    private final CachedValueState<LockBook> locks;
    private final CachedValueState<PendingBook> pending;
    private final CachedValueState<AccountFlags> flags;
    private final CachedValueState<IdCursor> idCursor;
    private final CachedValueState<TimerBook> timers;
    private final List<CachedValueState<?>> cells;
    private final List<CachedMapState<?, ?>> maps;

    FlinkAccountState(RuntimeContext rc) {
        positions = new CachedMapState<>(rc.getMapState(RiskState.positions()));
        orders = new CachedMapState<>(rc.getMapState(RiskState.orders()));
        trades = new CachedMapState<>(rc.getMapState(RiskState.trades()));
        orderLosses = new CachedMapState<>(rc.getMapState(RiskState.orderLosses()));
        marks = new CachedMapState<>(rc.getMapState(RiskState.marks()));
        fills = new CachedValueState<>(rc.getState(RiskState.fills()), FillLog.EMPTY, FillLog::isEmpty);
        day = new CachedValueState<>(rc.getState(RiskState.day()), DayFigures.EMPTY, DayFigures::isEmpty);
        locks = new CachedValueState<>(rc.getState(RiskState.locks()), LockBook.EMPTY, LockBook::isEmpty);
        pending = new CachedValueState<>(rc.getState(RiskState.pending()), PendingBook.EMPTY, PendingBook::isEmpty);
        flags = new CachedValueState<>(rc.getState(RiskState.flags()), AccountFlags.EMPTY, AccountFlags::isEmpty);
        idCursor = new CachedValueState<>(rc.getState(RiskState.idCursor()), IdCursor.EMPTY, IdCursor::isEmpty);
        timers = new CachedValueState<>(rc.getState(RiskState.timers()), TimerBook.EMPTY, TimerBook::isEmpty);
        cells = List.of(fills, day, locks, pending, flags, idCursor, timers);
        maps = List.of(positions, orders, trades, orderLosses, marks);
    }

    /** Forgets cached values: the key may have changed. */
    void beginTrigger() {
        for (CachedValueState<?> c : cells) {
            c.forget();
        }
        for (CachedMapState<?, ?> m : maps) {
            m.forget();
        }
    }

    // ---- marks ---------------------------------------------------------------------------------

    @Override
    public QuoteState quote(String contractId) {
        return marks.get(contractId);
    }

    void putMark(String contractId, QuoteState quote) {
        marks.put(contractId, quote);
    }

    void removeMark(String contractId) {
        marks.remove(contractId);
    }

    // ---- keyed collections ---------------------------------------------------------------------

    @Override
    public PositionState position(String contractId) {
        return positions.get(contractId);
    }

    @Override
    public void putPosition(PositionState p) {
        positions.put(p.contractId(), p);
    }

    @Override
    public void removePosition(String contractId) {
        positions.remove(contractId);
    }

    @Override
    public Collection<PositionState> positions() {
        return positions.values();
    }

    @Override
    public OrderState order(long orderId) {
        return orders.get(orderId);
    }

    @Override
    public void putOrder(OrderState o) {
        orders.put(o.orderId(), o);
    }

    @Override
    public void removeOrder(long orderId) {
        orders.remove(orderId);
    }

    @Override
    public Collection<OrderState> orders() {
        return orders.values();
    }

    @Override
    public TradeRecord trade(long tradeId) {
        return trades.get(tradeId);
    }

    @Override
    public void putTrade(TradeRecord t) {
        trades.put(t.tradeId(), t);
    }

    @Override
    public void removeTrade(long tradeId) {
        trades.remove(tradeId);
    }

    @Override
    public Collection<TradeRecord> trades() {
        return trades.values();
    }

    @Override
    public OrderLoss orderLoss(long orderId) {
        return orderLosses.get(orderId);
    }

    @Override
    public void putOrderLoss(OrderLoss l) {
        orderLosses.put(l.orderId(), l);
    }

    @Override
    public void removeOrderLoss(long orderId) {
        orderLosses.remove(orderId);
    }

    @Override
    public Collection<OrderLoss> orderLosses() {
        return orderLosses.values();
    }

    // ---- value components ----------------------------------------------------------------------

    @Override
    public FillLog fills() {
        return fills.get();
    }

    @Override
    public void setFills(FillLog v) {
        fills.set(v);
    }

    @Override
    public DayFigures day() {
        return day.get();
    }

    @Override
    public void setDay(DayFigures v) {
        day.set(v);
    }

    @Override
    public LockBook locks() {
        return locks.get();
    }

    @Override
    public void setLocks(LockBook v) {
        locks.set(v);
    }

    @Override
    public PendingBook pending() {
        return pending.get();
    }

    @Override
    public void setPending(PendingBook v) {
        pending.set(v);
    }

    @Override
    public AccountFlags flags() {
        return flags.get();
    }

    @Override
    public void setFlags(AccountFlags v) {
        flags.set(v);
    }

    @Override
    public IdCursor idCursor() {
        return idCursor.get();
    }

    @Override
    public void setIdCursor(IdCursor v) {
        idCursor.set(v);
    }

    @Override
    public TimerBook timers() {
        return timers.get();
    }

    @Override
    public void setTimers(TimerBook v) {
        timers.set(v);
    }
}
