package io.riskguard.job.model;

import io.riskguard.state.AccountFlags;
import io.riskguard.state.DayFigures;
import io.riskguard.state.Holding;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.PendingBook;
import io.riskguard.state.TimerBook;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An account's small values, stored together in one ValueState: one read and at most one write per
 * trigger, where a value each cost up to six RocksDB round trips. It also lists the keys of the
 * account's positions and orders, so that reading all of them is a few point reads (none for an
 * account holding nothing) rather than a RocksDB iterator. (The day's fills are not here: a busy
 * account's run to kilobytes, and only trades read them.) Build it with {@link #of} or the
 * {@code with} methods, which keep the collections sorted and unmodifiable. Immutable; the empty
 * value is stored as no state at all.
 */
public record AccountValues(DayFigures day, LockBook locks, PendingBook pending, AccountFlags flags,
        IdCursor idCursor, TimerBook timers, Map<String, Holding> holdings, Set<String> positionContracts,
        Set<Long> orderIds, Instant eventTime) {

    public static final AccountValues EMPTY = new AccountValues(DayFigures.EMPTY, LockBook.EMPTY,
            PendingBook.EMPTY, AccountFlags.EMPTY, IdCursor.EMPTY, TimerBook.EMPTY, Map.of(), Set.of(), Set.of(),
            null);

    /**
     * With its collections copied into unmodifiable sorted ones. {@code eventTime}: live (arrival)
     * ordering, the account's latest evaluation time, at which a late event is evaluated; else null.
     */
    public static AccountValues of(DayFigures day, LockBook locks, PendingBook pending, AccountFlags flags,
            IdCursor idCursor, TimerBook timers, Map<String, Holding> holdings, Set<String> positionContracts,
            Set<Long> orderIds, Instant eventTime) {
        return new AccountValues(day, locks, pending, flags, idCursor, timers, sorted(holdings),
                sorted(positionContracts), sorted(orderIds), eventTime);
    }

    private static <K, V> Map<K, V> sorted(Map<K, V> m) {
        return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }

    private static <T> Set<T> sorted(Set<T> s) {
        return s.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(s));
    }

    public boolean isEmpty() {
        return day.isEmpty() && locks.isEmpty() && pending.isEmpty() && flags.isEmpty() && idCursor.isEmpty()
                && timers.isEmpty() && holdings.isEmpty() && positionContracts.isEmpty() && orderIds.isEmpty()
                && eventTime == null;
    }

    public AccountValues withDay(DayFigures v) {
        return new AccountValues(v, locks, pending, flags, idCursor, timers, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withLocks(LockBook v) {
        return new AccountValues(day, v, pending, flags, idCursor, timers, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withPending(PendingBook v) {
        return new AccountValues(day, locks, v, flags, idCursor, timers, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withFlags(AccountFlags v) {
        return new AccountValues(day, locks, pending, v, idCursor, timers, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withIdCursor(IdCursor v) {
        return new AccountValues(day, locks, pending, flags, v, timers, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withTimers(TimerBook v) {
        return new AccountValues(day, locks, pending, flags, idCursor, v, holdings, positionContracts, orderIds, eventTime);
    }

    public AccountValues withHoldings(Map<String, Holding> v) {
        return new AccountValues(day, locks, pending, flags, idCursor, timers, sorted(v), positionContracts,
                orderIds, eventTime);
    }

    public AccountValues withPositionContracts(Set<String> v) {
        return new AccountValues(day, locks, pending, flags, idCursor, timers, holdings, sorted(v), orderIds,
                eventTime);
    }

    public AccountValues withOrderIds(Set<Long> v) {
        return new AccountValues(day, locks, pending, flags, idCursor, timers, holdings, positionContracts,
                sorted(v), eventTime);
    }

    public AccountValues withEventTime(Instant v) {
        return new AccountValues(day, locks, pending, flags, idCursor, timers, holdings, positionContracts, orderIds,
                v);
    }
}
