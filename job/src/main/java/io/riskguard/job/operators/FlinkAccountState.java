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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

/**
 * {@link AccountState} on Flink keyed state of the current key: a MapState per keyed collection,
 * a ValueState per small component. Reads are cached for the duration of one trigger (RocksDB
 * deserializes on every read, and the rules ask for the same position several times); writes go
 * through at once, unless they would store what is already there. Call {@link #beginTrigger()} before each engine call.
 * Storing an empty component clears its state, so what ends leaves nothing behind.
 */
final class FlinkAccountState implements AccountState, MarkView {

    private final MapCell<String, PositionState> positions;
    private final MapCell<Long, OrderState> orders;
    private final MapCell<Long, TradeRecord> trades;
    private final MapCell<Long, OrderLoss> orderLosses;
    private final MapCell<String, QuoteState> marks;
    private final Cell<FillLog> fills;
    private final Cell<DayFigures> day;
    private final Cell<LockBook> locks;
    private final Cell<PendingBook> pending;
    private final Cell<AccountFlags> flags;
    private final Cell<IdCursor> idCursor;
    private final Cell<TimerBook> timers;
    private final List<Cell<?>> cells;
    private final List<MapCell<?, ?>> maps;

    FlinkAccountState(RuntimeContext rc) {
        positions = new MapCell<>(rc.getMapState(RiskState.positions()));
        orders = new MapCell<>(rc.getMapState(RiskState.orders()));
        trades = new MapCell<>(rc.getMapState(RiskState.trades()));
        orderLosses = new MapCell<>(rc.getMapState(RiskState.orderLosses()));
        marks = new MapCell<>(rc.getMapState(RiskState.marks()));
        fills = new Cell<>(rc.getState(RiskState.fills()), FillLog.EMPTY, FillLog::isEmpty);
        day = new Cell<>(rc.getState(RiskState.day()), DayFigures.EMPTY, DayFigures::isEmpty);
        locks = new Cell<>(rc.getState(RiskState.locks()), LockBook.EMPTY, LockBook::isEmpty);
        pending = new Cell<>(rc.getState(RiskState.pending()), PendingBook.EMPTY, PendingBook::isEmpty);
        flags = new Cell<>(rc.getState(RiskState.flags()), AccountFlags.EMPTY, AccountFlags::isEmpty);
        idCursor = new Cell<>(rc.getState(RiskState.idCursor()), IdCursor.EMPTY, IdCursor::isEmpty);
        timers = new Cell<>(rc.getState(RiskState.timers()), TimerBook.EMPTY, TimerBook::isEmpty);
        cells = List.of(fills, day, locks, pending, flags, idCursor, timers);
        maps = List.of(positions, orders, trades, orderLosses, marks);
    }

    /** Forgets cached values: the key may have changed. */
    void beginTrigger() {
        for (Cell<?> c : cells) {
            c.forget();
        }
        for (MapCell<?, ?> m : maps) {
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

    // ---- plumbing ------------------------------------------------------------------------------

    /** Flink state calls declare Exception; a state backend failure fails the task, as it should. */
    private interface StateCall<T> {
        T call() throws Exception;
    }

    private interface StateRun {
        void run() throws Exception;
    }

    private static <T> T call(StateCall<T> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("state access failed", e);
        }
    }

    private static void run(StateRun r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** One ValueState with a per-trigger cache; the empty value is stored as "no state". */
    private static final class Cell<T> {
        private final ValueState<T> state;
        private final T empty;
        private final java.util.function.Predicate<T> isEmpty;
        private T cached;

        Cell(ValueState<T> state, T empty, java.util.function.Predicate<T> isEmpty) {
            this.state = state;
            this.empty = empty;
            this.isEmpty = isEmpty;
        }

        T get() {
            if (cached == null) {
                T stored = call(state::value);
                cached = stored == null ? empty : stored;
            }
            return cached;
        }

        void set(T value) {
            if (value.equals(cached)) {
                return; // unchanged: a RocksDB write saved (the state types are immutable values)
            }
            cached = value;
            if (isEmpty.test(value)) {
                run(state::clear);
            } else {
                run(() -> state.update(value));
            }
        }

        void forget() {
            cached = null;
        }
    }

    /**
     * One MapState with a per-trigger read cache (absent keys included); writes go through at once.
     * After {@link #values()} has read the whole map once, the cache holds all of it.
     */
    private static final class MapCell<K, V> {
        private static final Object ABSENT = new Object();
        private final MapState<K, V> state;
        private final Map<K, Object> cache = new HashMap<>();
        private boolean complete;

        MapCell(MapState<K, V> state) {
            this.state = state;
        }

        @SuppressWarnings("unchecked")
        V get(K key) {
            Object cached = cache.get(key);
            if (cached != null) {
                return cached == ABSENT ? null : (V) cached;
            }
            if (complete) {
                return null;
            }
            V stored = call(() -> state.get(key));
            cache.put(key, stored == null ? ABSENT : stored);
            return stored;
        }

        void put(K key, V value) {
            if (value.equals(cache.get(key))) {
                return; // unchanged (immutable values)
            }
            run(() -> state.put(key, value));
            cache.put(key, value);
        }

        void remove(K key) {
            if (cache.get(key) == ABSENT) {
                return;
            }
            run(() -> state.remove(key));
            cache.put(key, ABSENT);
        }

        @SuppressWarnings("unchecked")
        Collection<V> values() {
            if (!complete) {
                run(() -> {
                    for (Map.Entry<K, V> e : state.entries()) {
                        cache.put(e.getKey(), e.getValue());
                    }
                });
                complete = true;
            }
            List<V> list = new ArrayList<>(cache.size());
            for (Object v : cache.values()) {
                if (v != ABSENT) {
                    list.add((V) v);
                }
            }
            return list;
        }

        void forget() {
            cache.clear();
            complete = false;
        }
    }
}
