package io.riskguard.sinks.gateway.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for the ProjectX/TopstepX gateway REST API (STACK.md "Broker gateway
 * facts"): token auth, per-account positions and orders, a per-user rate limit, scriptable faults
 * and a call log, over real HTTP. Start with {@link #start(Options)}; seed and inspect it through
 * this class; {@link #close()} stops it.
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
     * Start options. {@code port} 0 picks an ephemeral port; an empty {@code users} map (userName →
     * apiKey) is demo mode, where any non-empty credentials log in.
     */
    public record Options(
            int port,
            String bindAddress,
            Map<String, String> users,
            Duration tokenLifetime,
            int rateLimitRequests,
            Duration rateLimitWindow,
            int executorThreads) {

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            Objects.requireNonNull(bindAddress, "bindAddress");
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

        /** Ephemeral port on 127.0.0.1, demo mode, 24 h tokens, 200 requests per 60 s, 8 threads. */
        public static Options defaults() {
            return new Options(0, "127.0.0.1", Map.of(), Duration.ofHours(24), 200, Duration.ofSeconds(60), 8);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads);
        }

        public Options withBindAddress(String address) {
            return new Options(port, address, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads);
        }

        public Options withUsers(Map<String, String> newUsers) {
            return new Options(port, bindAddress, newUsers, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads);
        }

        public Options withUser(String userName, String apiKey) {
            Map<String, String> more = new LinkedHashMap<>(users);
            more.put(userName, apiKey);
            return withUsers(more);
        }

        public Options withTokenLifetime(Duration lifetime) {
            return new Options(port, bindAddress, users, lifetime, rateLimitRequests, rateLimitWindow,
                    executorThreads);
        }

        public Options withRateLimit(int requests, Duration window) {
            return new Options(port, bindAddress, users, tokenLifetime, requests, window, executorThreads);
        }

        public Options withExecutorThreads(int threads) {
            return new Options(port, bindAddress, users, tokenLifetime, rateLimitRequests, rateLimitWindow,
                    threads);
        }

        /** Never shows the API keys. */
        @Override
        public String toString() {
            return "Options[port=" + port + ", bindAddress=" + bindAddress + ", users=" + users.keySet()
                    + ", tokenLifetime=" + tokenLifetime + ", rateLimit=" + rateLimitRequests + " per "
                    + rateLimitWindow + ", executorThreads=" + executorThreads + "]";
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0: " + d);
            }
        }
    }

    private final Book book = new Book();
    private final CallLog log = new CallLog();
    private final Faults faults = new Faults();
    private final TokenStore tokens;
    private final RateLimiter rateLimiter;
    private final HttpServer server;
    private final ExecutorService executor;

    private GatewaySimulator(Options options) throws IOException {
        this.tokens = new TokenStore(options.users(), options.tokenLifetime());
        this.rateLimiter = new RateLimiter(options.rateLimitRequests(), options.rateLimitWindow());
        this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 0);
        this.executor = Executors.newFixedThreadPool(options.executorThreads(), daemonThreads());
        ApiHandler api = new ApiHandler(new Endpoints(book), tokens, rateLimiter, faults, log);
        server.createContext("/", api);
        server.createContext("/sim/", new AdminHandler(this));
        server.setExecutor(executor);
    }

    /** Binds and starts serving; throws UncheckedIOException when the port cannot be bound. */
    public static GatewaySimulator start(Options options) {
        try {
            GatewaySimulator simulator = new GatewaySimulator(options);
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + options.bindAddress() + ":" + options.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://<bind address>:<port>} (no trailing slash). */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    @Override
    public void close() {
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

    /** Empties the book, the call log, the scripted faults and the rate-limit windows; tokens stay valid. */
    public void reset() {
        book.reset();
        log.clear();
        faults.clear();
        rateLimiter.reset();
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
