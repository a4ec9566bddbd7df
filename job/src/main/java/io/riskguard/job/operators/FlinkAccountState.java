package io.riskguard.job.operators;

import io.riskguard.job.model.AccountValues;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.AccountState;
import io.riskguard.state.DayFigures;
import io.riskguard.state.FillLog;
import io.riskguard.state.Holding;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.OrderLoss;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import io.riskguard.state.TimerBook;
import io.riskguard.state.TradeRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.state.KeyedStateStore;

/**
 * {@link AccountState} on Flink keyed state of the current key: a MapState per keyed collection,
 * one ValueState for all the small values ({@link AccountValues}) and one for the day's fills. The
 * recently triggered accounts' state stays decoded in memory and is written behind: a trigger's
 * changes reach the state backend at {@link #flush()}, which the operator calls before every
 * snapshot, or when {@link #WRITE_BEHIND_ACCOUNTS} accounts have unwritten changes. So RocksDB sees
 * about one read and one write per active account and checkpoint, not one per trigger, and every
 * checkpoint still holds exactly the state the triggers left. Call {@link #beginTrigger} before and
 * {@link #endTrigger()} after each trigger. The small values list the keys of the positions and
 * orders, so reading all of them takes point reads, never an iterator. Storing an empty value
 * clears its state, so what ends leaves nothing behind.
 */
final class FlinkAccountState implements AccountState {

    private final CachedMapState<String, PositionState> positions;
    private final CachedMapState<Long, OrderState> orders;
    private final CachedMapState<Long, TradeRecord> trades;
    private final CachedMapState<Long, OrderLoss> orderLosses;
    private final CachedValueState<AccountValues> values;
    private final CachedValueState<FillLog> fills;
    private final List<CachedMapState<?, ?>> maps;
    private final LongConsumer useKey;
    private long account;

    /**
     * Accounts with unwritten changes at which they are written without waiting for a snapshot:
     * bounds the memory held beyond the read caches and the work done at a snapshot.
     */
    static final int WRITE_BEHIND_ACCOUNTS = RecentAccounts.CAPACITY;

    /** @param useKey makes an account the state backend's current key */
    FlinkAccountState(KeyedStateStore store, LongConsumer useKey) {
        this.useKey = useKey;
        positions = new CachedMapState<>(store.getMapState(RiskState.positions()));
        orders = new CachedMapState<>(store.getMapState(RiskState.orders()));
        // a trade id is looked up once, when it arrives: nothing to gain from keeping them
        trades = new CachedMapState<>(store.getMapState(RiskState.trades()), 0);
        orderLosses = new CachedMapState<>(store.getMapState(RiskState.orderLosses()), 0);
        values = new CachedValueState<>(store.getState(RiskState.accountValues()), AccountValues.EMPTY,
                AccountValues::isEmpty);
        fills = new CachedValueState<>(store.getState(RiskState.fills()), FillLog.EMPTY, FillLog::isEmpty);
        maps = List.of(positions, orders, trades, orderLosses);
    }

    /** The state backend's current key is {@code account} now: a trigger of it begins. */
    void beginTrigger(long account) {
        this.account = account;
        values.select(account);
        fills.select(account);
        for (CachedMapState<?, ?> m : maps) {
            m.select(account);
        }
    }

    /** Ends the trigger: what it changed is kept to be written; writes all once too many accounts wait. */
    void endTrigger() {
        boolean changed = values.endTrigger() | fills.endTrigger();
        for (CachedMapState<?, ?> m : maps) {
            changed |= m.endTrigger();
        }
        if (changed && unwrittenAccounts() >= WRITE_BEHIND_ACCOUNTS) {
            flush();
        }
    }

    /** Writes every account's unwritten changes to the state backend; the current key stays as it was. */
    void flush() {
        if (unwrittenAccounts() == 0) {
            return;
        }
        values.flush(useKey);
        fills.flush(useKey);
        for (CachedMapState<?, ?> m : maps) {
            m.flush(useKey);
        }
        useKey.accept(account);
    }

    /** Accounts whose changes are not written to the state backend yet. */
    int unwrittenAccounts() {
        int most = Math.max(values.unwrittenAccounts(), fills.unwrittenAccounts());
        for (CachedMapState<?, ?> m : maps) {
            most = Math.max(most, m.unwrittenAccounts());
        }
        return most;
    }

    AccountValues values() {
        return values.get();
    }

    void setValues(AccountValues v) {
        values.set(v);
    }

    // ---- keyed collections ---------------------------------------------------------------------

    @Override
    public PositionState position(String contractId) {
        return values.get().positionContracts().contains(contractId) ? positions.get(contractId) : null;
    }

    @Override
    public void putPosition(PositionState p) {
        positions.put(p.contractId(), p);
        Set<String> keys = values.get().positionContracts();
        if (!keys.contains(p.contractId())) {
            Set<String> next = new TreeSet<>(keys);
            next.add(p.contractId());
            values.set(values.get().withPositionContracts(next));
        }
    }

    @Override
    public void removePosition(String contractId) {
        Set<String> keys = values.get().positionContracts();
        if (keys.contains(contractId)) {
            positions.remove(contractId);
            Set<String> next = new TreeSet<>(keys);
            next.remove(contractId);
            values.set(values.get().withPositionContracts(next));
        }
    }

    @Override
    public Collection<PositionState> positions() {
        return positions.valuesOf(values.get().positionContracts());
    }

    @Override
    public OrderState order(long orderId) {
        return values.get().orderIds().contains(orderId) ? orders.get(orderId) : null;
    }

    @Override
    public void putOrder(OrderState o) {
        orders.put(o.orderId(), o);
        Set<Long> keys = values.get().orderIds();
        if (!keys.contains(o.orderId())) {
            Set<Long> next = new TreeSet<>(keys);
            next.add(o.orderId());
            values.set(values.get().withOrderIds(next));
        }
    }

    @Override
    public void removeOrder(long orderId) {
        Set<Long> keys = values.get().orderIds();
        if (keys.contains(orderId)) {
            orders.remove(orderId);
            Set<Long> next = new TreeSet<>(keys);
            next.remove(orderId);
            values.set(values.get().withOrderIds(next));
        }
    }

    @Override
    public Collection<OrderState> orders() {
        return orders.valuesOf(values.get().orderIds());
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

    // ---- the small values, one record; the fills ----------------------------------------------

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
        return values.get().day();
    }

    @Override
    public void setDay(DayFigures v) {
        values.set(values.get().withDay(v));
    }

    @Override
    public LockBook locks() {
        return values.get().locks();
    }

    @Override
    public void setLocks(LockBook v) {
        values.set(values.get().withLocks(v));
    }

    @Override
    public PendingBook pending() {
        return values.get().pending();
    }

    @Override
    public void setPending(PendingBook v) {
        values.set(values.get().withPending(v));
    }

    @Override
    public AccountFlags flags() {
        return values.get().flags();
    }

    @Override
    public void setFlags(AccountFlags v) {
        values.set(values.get().withFlags(v));
    }

    @Override
    public IdCursor idCursor() {
        return values.get().idCursor();
    }

    @Override
    public void setIdCursor(IdCursor v) {
        values.set(values.get().withIdCursor(v));
    }

    @Override
    public TimerBook timers() {
        return values.get().timers();
    }

    @Override
    public void setTimers(TimerBook v) {
        values.set(values.get().withTimers(v));
    }

    /** Live (arrival) ordering: the account's latest evaluation time, or null. */
    Instant eventTime() {
        return values.get().eventTime();
    }

    void setEventTime(Instant t) {
        values.set(values.get().withEventTime(t));
    }

    @Override
    public Map<String, Holding> holdings() {
        return values.get().holdings();
    }

    @Override
    public void setHoldings(Map<String, Holding> v) {
        values.set(values.get().withHoldings(v));
    }
}
