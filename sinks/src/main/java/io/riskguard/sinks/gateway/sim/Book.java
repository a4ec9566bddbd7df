package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory book of every simulated account: positions by contract id and orders by id
 * (cancelled orders are kept, so that a customTag stays taken). Thread-safe: each operation holds
 * the lock of its account's book. Reads of an unknown account see an empty book; writes create the
 * account on first use.
 */
final class Book {

    static final BigDecimal DEFAULT_BALANCE = new BigDecimal("50000.00");
    private static final long FIRST_ORDER_ID = 1000;
    private static final long FIRST_POSITION_ID = 1;

    private final Map<Long, AccountBook> accounts = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(FIRST_ORDER_ID);
    private final AtomicLong nextPositionId = new AtomicLong(FIRST_POSITION_ID);

    private static final class AccountBook {
        SimAccount account;
        final TreeMap<String, SimPosition> positions = new TreeMap<>();
        final TreeMap<Long, SimOrder> orders = new TreeMap<>();

        AccountBook(SimAccount account) {
            this.account = account;
        }
    }

    // ---- seeding ------------------------------------------------------------------------------

    SimAccount putAccount(long id, String name, boolean canTrade) {
        Objects.requireNonNull(name, "name");
        AccountBook book = bookFor(id);
        synchronized (book) {
            book.account = new SimAccount(id, name, book.account.balance(), canTrade, true);
            return book.account;
        }
    }

    /** Sets the position of a contract (replacing any, keeping its id and creation time). */
    SimPosition putPosition(long accountId, String contractId, int type, long size, BigDecimal averagePrice) {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(averagePrice, "averagePrice");
        if (type != SimPosition.LONG && type != SimPosition.SHORT) {
            throw new IllegalArgumentException("position type must be 1 (long) or 2 (short): " + type);
        }
        if (size < 1) {
            throw new IllegalArgumentException("position size must be >= 1: " + size);
        }
        AccountBook book = bookFor(accountId);
        synchronized (book) {
            SimPosition old = book.positions.get(contractId);
            SimPosition position = new SimPosition(
                    old != null ? old.id() : nextPositionId.getAndIncrement(), accountId, contractId,
                    old != null ? old.creationTimestamp() : now(), type, size, averagePrice);
            book.positions.put(contractId, position);
            return position;
        }
    }

    /** Sets an order (replacing any with that id); later generated order ids are above it. */
    SimOrder putOrder(long accountId, long orderId, String contractId, int status, int type, int side, long size,
            BigDecimal limitPrice, BigDecimal stopPrice) {
        Objects.requireNonNull(contractId, "contractId");
        if (size < 1) {
            throw new IllegalArgumentException("order size must be >= 1: " + size);
        }
        nextOrderId.accumulateAndGet(orderId + 1, Math::max);
        AccountBook book = bookFor(accountId);
        synchronized (book) {
            Instant now = now();
            SimOrder order = new SimOrder(orderId, accountId, contractId, now, now, status, type, side, size,
                    limitPrice, stopPrice, null, 0, null, null);
            book.orders.put(orderId, order);
            return order;
        }
    }

    void reset() {
        accounts.clear();
    }

    // ---- reading ------------------------------------------------------------------------------

    List<SimAccount> accounts() {
        List<SimAccount> result = new ArrayList<>();
        for (AccountBook book : accounts.values()) {
            synchronized (book) {
                result.add(book.account);
            }
        }
        result.sort(Comparator.comparingLong(SimAccount::id));
        return result;
    }

    /** Open positions ordered by contract id. */
    List<SimPosition> positions(long accountId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return List.copyOf(book.positions.values());
        }
    }

    /** Working orders ordered by id. */
    List<SimOrder> workingOrders(long accountId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return book.orders.values().stream().filter(SimOrder::working).toList();
        }
    }

    /** Any order, working or not. */
    Optional<SimOrder> order(long accountId, long orderId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            return Optional.empty();
        }
        synchronized (book) {
            return Optional.ofNullable(book.orders.get(orderId));
        }
    }

    // ---- gateway operations (a BookException is a business failure; nothing changed then) ------

    void closeContract(long accountId, String contractId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw positionNotFound();
        }
        synchronized (book) {
            if (book.positions.remove(contractId) == null) {
                throw positionNotFound();
            }
        }
    }

    /** Reduces the position by size; closes it when size reaches its size. The remainder, or null. */
    SimPosition partialCloseContract(long accountId, String contractId, long size) {
        if (size < 1) {
            throw new BookException(BookException.INVALID_SIZE, "invalid size");
        }
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw positionNotFound();
        }
        synchronized (book) {
            SimPosition position = book.positions.get(contractId);
            if (position == null) {
                throw positionNotFound();
            }
            if (size >= position.size()) {
                book.positions.remove(contractId);
                return null;
            }
            SimPosition rest = position.withSize(position.size() - size);
            book.positions.put(contractId, rest);
            return rest;
        }
    }

    void cancelOrder(long accountId, long orderId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw orderNotFound();
        }
        synchronized (book) {
            SimOrder order = workingOrder(book, orderId);
            book.orders.put(orderId, order.cancelled(now()));
        }
    }

    /** Updates the non-null fields; true when at least one was given. */
    boolean modifyOrder(long accountId, long orderId, Long size, BigDecimal limitPrice, BigDecimal stopPrice,
            BigDecimal trailPrice) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw orderNotFound();
        }
        synchronized (book) {
            SimOrder order = workingOrder(book, orderId);
            if (size != null && size < 1) {
                throw new BookException(BookException.INVALID_SIZE, "invalid size");
            }
            if (size == null && limitPrice == null && stopPrice == null && trailPrice == null) {
                return false;
            }
            book.orders.put(orderId, order.modified(now(), size, limitPrice, stopPrice, trailPrice));
            return true;
        }
    }

    /** A new working order (status 1); its id. */
    long placeOrder(long accountId, String contractId, int type, int side, long size, BigDecimal limitPrice,
            BigDecimal stopPrice, BigDecimal trailPrice, String customTag) {
        if (size < 1) {
            throw new BookException(BookException.INVALID_SIZE, "invalid size");
        }
        AccountBook book = bookFor(accountId);
        synchronized (book) {
            if (customTag != null && book.orders.values().stream().anyMatch(o -> customTag.equals(o.customTag()))) {
                throw new BookException(BookException.NOT_FOUND, "duplicate customTag");
            }
            long id = nextOrderId.getAndIncrement();
            Instant now = now();
            book.orders.put(id, new SimOrder(id, accountId, contractId, now, now, SimOrder.STATUS_OPEN, type, side,
                    size, limitPrice, stopPrice, trailPrice, 0, null, customTag));
            return id;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private AccountBook bookFor(long accountId) {
        return accounts.computeIfAbsent(accountId,
                id -> new AccountBook(new SimAccount(id, "SIM-" + id, DEFAULT_BALANCE, true, true)));
    }

    private static SimOrder workingOrder(AccountBook book, long orderId) {
        SimOrder order = book.orders.get(orderId);
        if (order == null || !order.working()) {
            throw orderNotFound();
        }
        return order;
    }

    private static BookException positionNotFound() {
        return new BookException(BookException.NOT_FOUND, "position not found");
    }

    private static BookException orderNotFound() {
        return new BookException(BookException.NOT_FOUND, "order not found");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
