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
 * The in-memory book of every simulated account: positions by contract id, orders by id (cancelled
 * and filled orders are kept, so that a customTag stays taken) and trades in execution order.
 * Thread-safe: each operation holds the lock of its account's book, and tells the {@link BookListener}
 * of each change before letting go of it. Reads of an unknown account see an empty book; writes create
 * the account on first use.
 */
final class Book {

    static final BigDecimal DEFAULT_BALANCE = new BigDecimal("50000.00");
    private static final long FIRST_ORDER_ID = 1000;
    private static final long FIRST_POSITION_ID = 1;
    private static final long FIRST_TRADE_ID = 1;

    private final Map<Long, AccountBook> accounts = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(FIRST_ORDER_ID);
    private final AtomicLong nextPositionId = new AtomicLong(FIRST_POSITION_ID);
    private final AtomicLong nextTradeId = new AtomicLong(FIRST_TRADE_ID);
    private final QuoteBook quotes;
    private final BookListener listener;

    private static final class AccountBook {
        SimAccount account;
        final TreeMap<String, SimPosition> positions = new TreeMap<>();
        final TreeMap<Long, SimOrder> orders = new TreeMap<>();
        final List<SimTrade> trades = new ArrayList<>();

        AccountBook(SimAccount account) {
            this.account = account;
        }
    }

    /** {@code quotes} price the closes of the gateway operations. */
    Book(QuoteBook quotes, BookListener listener) {
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---- seeding and scripting ----------------------------------------------------------------

    SimAccount putAccount(long id, String name, boolean canTrade) {
        Objects.requireNonNull(name, "name");
        AccountBook book = bookFor(id);
        synchronized (book) {
            book.account = new SimAccount(id, name, book.account.balance(), canTrade, true);
            listener.accountChanged(book.account);
            return book.account;
        }
    }

    SimAccount setCanTrade(long id, boolean canTrade) {
        AccountBook book = bookFor(id);
        synchronized (book) {
            SimAccount a = book.account;
            book.account = new SimAccount(id, a.name(), a.balance(), canTrade, a.isVisible());
            listener.accountChanged(book.account);
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
            listener.positionChanged(position);
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
            listener.orderChanged(order);
            return order;
        }
    }

    /** A filled market order, its trade, and the position netted by it (see {@link #fill}). */
    SimTrade execute(long accountId, String contractId, int side, long size, BigDecimal price,
            BigDecimal profitAndLoss) {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(price, "price");
        if (side != SimTrade.BUY && side != SimTrade.SELL) {
            throw new IllegalArgumentException("side must be 0 (buy) or 1 (sell): " + side);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1: " + size);
        }
        AccountBook book = bookFor(accountId);
        synchronized (book) {
            return fill(book, accountId, contractId, side, size, price, profitAndLoss);
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

    /** Orders of any status last updated in [from, to) (to null: no end), ordered by id. */
    List<SimOrder> ordersUpdated(long accountId, Instant from, Instant to) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return book.orders.values().stream().filter(o -> within(o.updateTimestamp(), from, to)).toList();
        }
    }

    /** Trades created in [from, to) (to null: no end), in execution order. */
    List<SimTrade> trades(long accountId, Instant from, Instant to) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return book.trades.stream().filter(t -> within(t.creationTimestamp(), from, to)).toList();
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

    /** Closes the whole position with a market fill at the quote ({@link QuoteBook#exitPrice}). */
    void closeContract(long accountId, String contractId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw positionNotFound();
        }
        synchronized (book) {
            SimPosition position = book.positions.get(contractId);
            if (position == null) {
                throw positionNotFound();
            }
            closeAtMarket(book, position, position.size());
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
            closeAtMarket(book, position, Math.min(size, position.size()));
            return book.positions.get(contractId);
        }
    }

    void cancelOrder(long accountId, long orderId) {
        AccountBook book = accounts.get(accountId);
        if (book == null) {
            throw orderNotFound();
        }
        synchronized (book) {
            SimOrder cancelled = workingOrder(book, orderId).cancelled(now());
            book.orders.put(orderId, cancelled);
            listener.orderChanged(cancelled);
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
            SimOrder modified = order.modified(now(), size, limitPrice, stopPrice, trailPrice);
            book.orders.put(orderId, modified);
            listener.orderChanged(modified);
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
            SimOrder order = new SimOrder(id, accountId, contractId, now, now, SimOrder.STATUS_OPEN, type, side,
                    size, limitPrice, stopPrice, trailPrice, 0, null, customTag);
            book.orders.put(id, order);
            listener.orderChanged(order);
            return id;
        }
    }

    // ---- fills (the caller holds the account's lock) ------------------------------------------

    /** The closing side of a market fill of {@code size} at the quote, with its realized P&L. */
    private void closeAtMarket(AccountBook book, SimPosition position, long size) {
        BigDecimal exit = quotes.exitPrice(position);
        int side = position.type() == SimPosition.LONG ? SimTrade.SELL : SimTrade.BUY;
        BigDecimal pnl = FillMath.profitAndLoss(position.contractId(), position.type(), position.averagePrice(), exit,
                size);
        fill(book, position.accountId(), position.contractId(), side, size, exit, pnl);
    }

    /**
     * Records a filled market order, its trade (fees 0) and the netted position, and tells the
     * listener in that order: order, trade, position.
     */
    private SimTrade fill(AccountBook book, long accountId, String contractId, int side, long size, BigDecimal price,
            BigDecimal profitAndLoss) {
        Instant now = now();
        SimOrder order = SimOrder.filledMarket(nextOrderId.getAndIncrement(), accountId, contractId, now, side, size,
                price);
        book.orders.put(order.id(), order);
        SimTrade trade = new SimTrade(nextTradeId.getAndIncrement(), accountId, contractId, now, price,
                profitAndLoss, BigDecimal.ZERO, side, size, false, order.id());
        book.trades.add(trade);
        SimPosition position = net(book, accountId, contractId, side, size, price, now);
        listener.orderChanged(order);
        listener.tradeAdded(trade);
        listener.positionChanged(position);
        return trade;
    }

    /**
     * The position after a fill: the same direction adds at the size-weighted average price; the
     * opposite one reduces, closes (returned with size 0, removed from the book) or flips, the
     * remainder at the fill price. A flipped position keeps its id.
     */
    private SimPosition net(AccountBook book, long accountId, String contractId, int side, long size, BigDecimal price,
            Instant now) {
        int direction = side == SimTrade.BUY ? SimPosition.LONG : SimPosition.SHORT;
        SimPosition old = book.positions.get(contractId);
        SimPosition after;
        if (old == null) {
            after = new SimPosition(nextPositionId.getAndIncrement(), accountId, contractId, now, direction, size,
                    price);
        } else if (old.type() == direction) {
            after = new SimPosition(old.id(), accountId, contractId, old.creationTimestamp(), direction,
                    old.size() + size, FillMath.weightedAverage(old.averagePrice(), old.size(), price, size));
        } else if (size < old.size()) {
            after = old.withSize(old.size() - size);
        } else if (size == old.size()) {
            book.positions.remove(contractId);
            return old.closed();
        } else {
            after = new SimPosition(old.id(), accountId, contractId, now, direction, size - old.size(), price);
        }
        book.positions.put(contractId, after);
        return after;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private AccountBook bookFor(long accountId) {
        return accounts.computeIfAbsent(accountId,
                id -> new AccountBook(new SimAccount(id, "SIM-" + id, DEFAULT_BALANCE, true, true)));
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
        return !instant.isBefore(from) && (to == null || instant.isBefore(to));
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
