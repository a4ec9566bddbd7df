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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;

/**
 * {@link AccountState} on Flink keyed state of the current key: a MapState per keyed collection,
 * one ValueState for all the small values ({@link AccountValues}) and one for the day's fills. The
 * state of the {@link RecentAccounts#CAPACITY} most recently triggered accounts stays decoded in
 * memory and is written behind: a trigger's changes are kept as the account's unwritten changes,
 * and accounts are written oldest first, a few milliseconds' worth at a time between records
 * ({@link #writeOldest}), all of them before every snapshot ({@link #writeAll()}), and an account
 * at once when it leaves the recent ones. So the triggers of an account between two writes cost
 * RocksDB one write, every checkpoint holds exactly the state the triggers left, no more accounts
 * are held in memory than the read cache holds, and what a snapshot has to write stays small when
 * the job is not saturated. Call {@link #beginTrigger} before and {@link #endTrigger()} after each
 * trigger. The small values list the keys of the positions and orders, so reading all of them takes
 * point reads, never an iterator. Storing an empty value clears its state, so what ends leaves
 * nothing behind.
 */
final class FlinkAccountState implements AccountState {

    private static final long WRITE_PERIOD_MILLIS = 25;
    private static final long WRITE_BUDGET_NANOS = 5_000_000;

    /** Told after each pass that wrote accounts: how many, how long it took. */
    interface WriteObserver {
        void written(int accounts, long nanos);
    }

    private final CachedMapState<String, PositionState> positions;
    private final CachedMapState<Long, OrderState> orders;
    private final CachedMapState<Long, TradeRecord> trades;
    private final CachedMapState<Long, OrderLoss> orderLosses;
    private final CachedValueState<AccountValues> values;
    private final CachedValueState<FillLog> fills;
    private final List<CachedMapState<?, ?>> maps;
    private final LongConsumer useKey;
    private final WriteObserver observer;
    /** Accounts with unwritten changes, in the order they first had them. */
    private final LinkedHashSet<Long> unwritten = new LinkedHashSet<>();
    /** The accounts whose state the caches keep; one that leaves them is written first. */
    private final RecentAccounts<Boolean> recent = new RecentAccounts<>(RecentAccounts.CAPACITY, this::dropped);
    private long account;

    /**
     * @param useKey makes an account the state backend's current key
     * @param observer told how many accounts each write pass wrote and how long it took
     */
    FlinkAccountState(KeyedStateStore store, LongConsumer useKey, WriteObserver observer) {
        this.useKey = useKey;
        this.observer = observer;
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
        recent.put(account, Boolean.TRUE);
        values.select(account);
        fills.select(account);
        for (CachedMapState<?, ?> m : maps) {
            m.select(account);
        }
    }

    /** Ends the trigger: what it changed is kept to be written. */
    void endTrigger() {
        boolean changed = values.endTrigger() | fills.endTrigger();
        for (CachedMapState<?, ?> m : maps) {
            changed |= m.endTrigger();
        }
        if (changed) {
            unwritten.add(account);
        }
    }

    /** {@code dropped} leaves the recent accounts (the current account is the one just added). */
    private void dropped(long dropped) {
        if (unwritten.remove(dropped)) {
            long t0 = System.nanoTime();
            useKey.accept(dropped);
            write(dropped);
            useKey.accept(account);
            observer.written(1, System.nanoTime() - t0);
        }
    }

    private void write(long a) {
        values.write(a);
        fills.write(a);
        for (CachedMapState<?, ?> m : maps) {
            m.write(a);
        }
    }

    /**
     * Between records, every 25 ms, account state waiting to be written is written for up to 5 ms,
     * oldest first: when the job keeps up, little is left for the checkpoint's synchronous part
     * (which writes all that waits); when it is saturated, writing takes at most a fifth of the
     * task and the rest waits for the checkpoint, where many triggers of an account cost one write.
     */
    void writeBehind(ProcessingTimeService time) {
        time.scheduleWithFixedDelay(now -> writeOldest(WRITE_BUDGET_NANOS), WRITE_PERIOD_MILLIS, WRITE_PERIOD_MILLIS);
    }

    /** Writes every account's unwritten changes (before a snapshot); the current key stays as it was. */
    void writeAll() {
        writeOldest(Long.MAX_VALUE);
    }

    /**
     * Writes the accounts that have waited longest, for about {@code budgetNanos} (at least one),
     * and returns how many; the current key stays as it was.
     */
    int writeOldest(long budgetNanos) {
        if (unwritten.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        int n = 0;
        Iterator<Long> oldest = unwritten.iterator();
        do {
            long a = oldest.next();
            oldest.remove();
            useKey.accept(a);
            write(a);
            n++;
        } while (oldest.hasNext() && System.nanoTime() - t0 < budgetNanos);
        useKey.accept(account);
        observer.written(n, System.nanoTime() - t0);
        return n;
    }

    /** Accounts whose changes are not written to the state backend yet. */
    int unwrittenAccounts() {
        return unwritten.size();
    }

    AccountValues values() {
        return values.get();
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
