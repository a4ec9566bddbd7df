package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * An in-process stand-in for the ProjectX/TopstepX gateway (STACK.md "Broker gateway facts"): the
 * REST API over real HTTP (token auth, per-account positions, orders and trades, a per-user rate
 * limit, scriptable faults and a call log) and the two realtime SignalR hubs over WebSocket
 * ({@link #hubUri()}{@code /hubs/user} and {@code /hubs/market}), which publish every change of the
 * book and the quotes given to {@link #publishQuote}. Start with {@link #start(Options)}; seed, script
 * and inspect it through this class; {@link #close()} stops it.
 */
public final class GatewaySimulator implements AutoCloseable {

    static {
        // The JDK server writes a response's head and body separately; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK: 40 ms added to a call now and then. Read once,
        // when the JDK first creates a server, so it is set here, before any.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Start options. {@code port} and {@code hubPort} 0 pick an ephemeral port; an empty {@code users}
     * map (userName → apiKey) is demo mode, where any non-empty credentials log in; the hubs send each
     * connection a ping every {@code hubPingInterval}. Token lifetimes and rate-limit windows are measured
     * on {@code nanoClock}, {@link System#nanoTime()} unless a test sets another.
     */
    public record Options(
            int port,
            String bindAddress,
            Map<String, String> users,
            Duration tokenLifetime,
            int rateLimitRequests,
            Duration rateLimitWindow,
            int executorThreads,
            int hubPort,
            Duration hubPingInterval,
            LongSupplier nanoClock) {

        public static final Duration DEFAULT_HUB_PING_INTERVAL = Duration.ofSeconds(15);

        public Options {
            requirePort(port, "port");
            requirePort(hubPort, "hubPort");
            requirePositive(hubPingInterval, "hubPingInterval");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(nanoClock, "nanoClock");
            users = Map.copyOf(Objects.requireNonNull(users, "users"));
            requirePositive(tokenLifetime, "tokenLifetime");
            requirePositive(rateLimitWindow, "rateLimitWindow");
            if (rateLimitRequests < 1) {
                throw new IllegalArgumentException("rateLimitRequests must be >= 1: " + rateLimitRequests);
            }
            if (executorThreads < 1) {
                throw new IllegalArgumentException("executorThreads must be >= 1: " + executorThreads);
            }
        }

        /** On the real clock. */
        public Options(int port, String bindAddress, Map<String, String> users, Duration tokenLifetime,
                int rateLimitRequests, Duration rateLimitWindow, int executorThreads, int hubPort,
                Duration hubPingInterval) {
            this(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow, executorThreads, hubPort,
                    hubPingInterval, System::nanoTime);
        }

        /** Without the hub options: an ephemeral hub port, pings every 15 s; on the real clock. */
        public Options(int port, String bindAddress, Map<String, String> users, Duration tokenLifetime,
                int rateLimitRequests, Duration rateLimitWindow, int executorThreads) {
            this(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow, executorThreads, 0,
                    DEFAULT_HUB_PING_INTERVAL);
        }

        /**
         * Ephemeral ports on 127.0.0.1, demo mode, 24 h tokens, 200 requests per 60 s, 8 threads, hub
         * pings every 15 s.
         */
        public static Options defaults() {
            return new Options(0, "127.0.0.1", Map.of(), Duration.ofHours(24), 200, Duration.ofSeconds(60), 8);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, hubPingInterval, nanoClock);
        }

        public Options withBindAddress(String address) {
            return new Options(port, address, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, hubPingInterval, nanoClock);
        }

        public Options withUsers(Map<String, String> newUsers) {
            return new Options(port, bindAddress, newUsers, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, hubPingInterval, nanoClock);
        }

        public Options withUser(String userName, String apiKey) {
            Map<String, String> more = new LinkedHashMap<>(users);
            more.put(userName, apiKey);
            return withUsers(more);
        }

        public Options withTokenLifetime(Duration lifetime) {
            return new Options(port, bindAddress, users, lifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, hubPingInterval, nanoClock);
        }

        public Options withRateLimit(int requests, Duration window) {
            return new Options(port, bindAddress, users, tokenLifetime, requests, window, executorThreads, hubPort,
                    hubPingInterval, nanoClock);
        }

        public Options withExecutorThreads(int threads) {
            return new Options(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    threads, hubPort, hubPingInterval, nanoClock);
        }

        /** The port of the realtime hubs; 0 picks an ephemeral one. */
        public Options withHubPort(int newHubPort) {
            return new Options(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, newHubPort, hubPingInterval, nanoClock);
        }

        public Options withHubPingInterval(Duration interval) {
            return new Options(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, interval, nanoClock);
        }

        /** For tests: a clock of nanoseconds (like {@link System#nanoTime()}) to move instead of waiting. */
        public Options withClock(LongSupplier clock) {
            return new Options(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads, hubPort, hubPingInterval, clock);
        }

        /** Never shows the API keys. */
        @Override
        public String toString() {
            return "Options[port=" + port + ", bindAddress=" + bindAddress + ", users=" + users.keySet()
                    + ", tokenLifetime=" + tokenLifetime + ", rateLimit=" + rateLimitRequests + " per "
                    + rateLimitWindow + ", executorThreads=" + executorThreads + ", hubPort=" + hubPort
                    + ", hubPingInterval=" + hubPingInterval + "]";
        }

        private static void requirePort(int port, String name) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be 0..65535: " + port);
            }
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0: " + d);
            }
        }
    }

    /**
     * How the user hub passes an event's payload in its one argument: bare (the default), as a
     * one-element array {@code [payload]}, or wrapped {@code {"action":1,"data":payload}}; users
     * report each of them from the real hub.
     */
    public enum Shape {
        BARE, LIST, WRAPPED;

        JsonNode apply(ObjectNode payload) {
            return switch (this) {
                case BARE -> payload;
                case LIST -> Json.MAPPER.createArrayNode().add(payload);
                case WRAPPED -> {
                    ObjectNode wrapped = Json.object();
                    wrapped.put("action", 1);
                    wrapped.set("data", payload);
                    yield wrapped;
                }
            };
        }
    }

    private final QuoteBook quotes = new QuoteBook();
    private final UserHub userHub = new UserHub();
    private final MarketHub marketHub = new MarketHub();
    private final Book book = new Book(quotes, userHub);
    private final CallLog log = new CallLog();
    private final Faults faults = new Faults();
    private final TokenStore tokens;
    private final RateLimiter rateLimiter;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HubServer hubServer;

    private GatewaySimulator(Options options) throws IOException {
        this.tokens = new TokenStore(options.users(), options.tokenLifetime(), options.nanoClock());
        this.rateLimiter = new RateLimiter(options.rateLimitRequests(), options.rateLimitWindow(), options.nanoClock());
        this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 0);
        this.executor = Executors.newFixedThreadPool(options.executorThreads(), daemonThreads());
        ApiHandler api = new ApiHandler(new Endpoints(book), tokens, rateLimiter, faults, log);
        server.createContext("/", api);
        server.createContext("/sim/", new AdminHandler(this));
        server.setExecutor(executor);
        this.hubServer = new HubServer(new InetSocketAddress(options.bindAddress(), options.hubPort()), tokens,
                List.of(userHub, marketHub), options.hubPingInterval());
    }

    /** Binds and starts serving the API and the hubs; throws UncheckedIOException when a port cannot be bound. */
    public static GatewaySimulator start(Options options) {
        GatewaySimulator simulator;
        try {
            simulator = new GatewaySimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + options.bindAddress() + ":" + options.port(), e);
        }
        simulator.server.start();
        try {
            simulator.hubServer.startServing();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://<bind address>:<port>} (no trailing slash). */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    /** {@code ws://<bind address>:<hub port>}: the hubs are at {@code /hubs/user} and {@code /hubs/market}. */
    public URI hubUri() {
        return hubServer.uri();
    }

    @Override
    public void close() {
        hubServer.stopServing();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- faults (each applies to the next matching /api requests; path null = any) -------------

    /** The next n requests are answered with this HTTP status, without being applied. */
    public void failNext(int n, int httpStatus) {
        failNext(n, httpStatus, null);
    }

    public void failNext(int n, int httpStatus, String path) {
        faults.add(Faults.Kind.FAIL, path, n, httpStatus, null);
    }

    /** The next n requests sleep this long, then are handled normally. */
    public void delayNext(int n, Duration delay) {
        delayNext(n, delay, null);
    }

    public void delayNext(int n, Duration delay, String path) {
        faults.add(Faults.Kind.DELAY, path, n, 0, delay);
    }

    /** The next n requests lose their connection without a response and without being applied. */
    public void dropBeforeApply(int n) {
        dropBeforeApply(n, null);
    }

    public void dropBeforeApply(int n, String path) {
        faults.add(Faults.Kind.DROP_BEFORE_APPLY, path, n, 0, null);
    }

    /** The next n requests are applied, then lose their connection without a response. */
    public void dropAfterApply(int n) {
        dropAfterApply(n, null);
    }

    public void dropAfterApply(int n, String path) {
        faults.add(Faults.Kind.DROP_AFTER_APPLY, path, n, 0, null);
    }

    /** Forgets the faults not consumed yet. */
    public void clearFaults() {
        faults.clear();
    }

    /** Every token issued so far becomes invalid at once. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    // ---- realtime hub faults -------------------------------------------------------------------

    /**
     * Closes every hub connection's TCP connection now, without a SignalR close message or a
     * WebSocket close frame; the number closed. New connections work (and start without subscriptions).
     */
    public int dropHubConnections() {
        return hubServer.dropAll();
    }

    /**
     * The market hub connections open now stop receiving this contract's quotes, while staying
     * connected and pinged; connections opened later receive them (reconnecting cures it).
     */
    public void silenceQuotes(String contractId) {
        marketHub.silence(Objects.requireNonNull(contractId, "contractId"));
    }

    /**
     * Sends a raw record (JSON text; the record separator is appended) to every open connection of
     * the hub at {@code hubPath} ("/hubs/user" or "/hubs/market"), for bad-payload tests.
     */
    public void sendRaw(String hubPath, String record) {
        hubServer.hub(hubPath).sendToAll(Objects.requireNonNull(record, "record"));
    }

    /** How the user hub shapes an event's payload argument from now on; {@link Shape#BARE} at start. */
    public void hubPayloadShape(Shape shape) {
        userHub.payloadShape(shape);
    }

    // ---- realtime hub observation --------------------------------------------------------------

    /** How many connections to the hub at {@code hubPath} completed the SignalR handshake since the start. */
    public int hubConnectionsOpened(String hubPath) {
        return hubServer.hub(hubPath).opened();
    }

    /** How many connections to the hub at {@code hubPath} are open, handshake completed. */
    public int hubConnectionsOpen(String hubPath) {
        return hubServer.hub(hubPath).connections().size();
    }

    /** The contracts whose quotes an open market hub connection subscribed to. */
    public Set<String> quoteSubscriptions() {
        return marketHub.quoteSubscriptions();
    }

    /** The accounts whose orders, positions or trades an open user hub connection subscribed to. */
    public Set<Long> accountSubscriptions() {
        return userHub.accountSubscriptions();
    }

    // ---- call log ------------------------------------------------------------------------------

    public List<Call> calls() {
        return log.calls();
    }

    /** The calls to one path ("/api/Order/place" or "Order/place"). */
    public List<Call> callsTo(String path) {
        return log.callsTo(path);
    }

    public void clearCalls() {
        log.clear();
    }

    // ---- book: seeding and inspection -----------------------------------------------------------

    public SimAccount putAccount(long id, String name, boolean canTrade) {
        return book.putAccount(id, name, canTrade);
    }

    public SimPosition putPosition(long accountId, String contractId, int type, long size, BigDecimal averagePrice) {
        return book.putPosition(accountId, contractId, type, size, averagePrice);
    }

    public SimOrder putOrder(long accountId, long orderId, String contractId, int status, int type, int side,
            long size, BigDecimal limitPrice, BigDecimal stopPrice) {
        return book.putOrder(accountId, orderId, contractId, status, type, side, size, limitPrice, stopPrice);
    }

    /**
     * A fill: a filled market order (new id, status 2, type 2), its trade (new id, fees 0, not voided,
     * created now) and the position netted by it (the same direction adds at the size-weighted average
     * price; the opposite one reduces, closes, or flips with the remainder at {@code price}); published
     * in that order: order, trade, position (size 0 when closed). {@code side} 0 buy, 1 sell;
     * {@code profitAndLoss} as the trade reports it, null for an opening fill.
     */
    public SimTrade execute(long accountId, String contractId, int side, long size, BigDecimal price,
            BigDecimal profitAndLoss) {
        return book.execute(accountId, contractId, side, size, price, profitAndLoss);
    }

    /** Updates the account's canTrade (creating the account if unknown) and publishes it; the account. */
    public SimAccount setCanTrade(long accountId, boolean canTrade) {
        return book.setCanTrade(accountId, canTrade);
    }

    /**
     * Publishes a quote to the market hub's subscribers of the contract, as {@code GatewayQuote}
     * (null fields omitted), and merges it into the contract's last quote, which prices the closes of
     * the REST API. A null symbol becomes {@code F.US.<ROOT>}, a null timestamp now.
     */
    public void publishQuote(String contractId, SimQuote quote) {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(quote, "quote");
        SimQuote complete = new SimQuote(
                quote.symbol() != null ? quote.symbol() : symbolOf(contractId),
                quote.lastPrice(), quote.bestBid(), quote.bestAsk(),
                quote.timestamp() != null ? quote.timestamp() : Instant.now().truncatedTo(ChronoUnit.MILLIS));
        quotes.merge(contractId, complete);
        marketHub.publish(contractId, complete);
    }

    /** The contract's last quote, partial quotes merged in. */
    public Optional<SimQuote> lastQuote(String contractId) {
        return quotes.last(contractId);
    }

    public List<SimAccount> accounts() {
        return book.accounts();
    }

    /** Open positions, by contract id. */
    public List<SimPosition> positions(long accountId) {
        return book.positions(accountId);
    }

    /** Working orders (status 1 or 6), by id. */
    public List<SimOrder> orders(long accountId) {
        return book.workingOrders(accountId);
    }

    /** Any order of the account, working or not. */
    public Optional<SimOrder> order(long accountId, long orderId) {
        return book.order(accountId, orderId);
    }

    /** Orders of any status whose updateTimestamp is in [from, to) (to null: no end), by id; as {@code Order/search}. */
    public List<SimOrder> searchOrders(long accountId, Instant from, Instant to) {
        return book.ordersUpdated(accountId, Objects.requireNonNull(from, "from"), to);
    }

    /** Every trade of the account, in execution order. */
    public List<SimTrade> trades(long accountId) {
        return book.trades(accountId, Instant.MIN, null);
    }

    /** Trades whose creationTimestamp is in [from, to) (to null: no end); as {@code Trade/search}. */
    public List<SimTrade> searchTrades(long accountId, Instant from, Instant to) {
        return book.trades(accountId, Objects.requireNonNull(from, "from"), to);
    }

    /**
     * Empties the book (trades included), the last quotes, the call log, the scripted faults, the
     * quote silences and the rate-limit windows; tokens, hub connections and subscriptions stay.
     */
    public void reset() {
        book.reset();
        quotes.reset();
        marketHub.unsilenceAll();
        log.clear();
        faults.clear();
        rateLimiter.reset();
    }

    /** {@code CON.F.US.MNQ.H26} → {@code F.US.MNQ}: the quote symbol of a contract. */
    /** The hubs' WebSocket server, for the simulator's own tests. */
    HubServer hubServer() {
        return hubServer;
    }

    static String symbolOf(String contractId) {
        String[] tokens = contractId.split("\\.");
        return tokens.length >= 4 ? "F.US." + tokens[3] : contractId;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gateway-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
