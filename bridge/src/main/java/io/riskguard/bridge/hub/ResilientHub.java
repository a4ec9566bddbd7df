package io.riskguard.bridge.hub;

import io.riskguard.sinks.gateway.hub.HubRecords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub connection that stays up: it connects with a fresh token, lets the {@link Handler}
 * subscribe, keeps the connection alive with pings, treats a server silent past the timeout as
 * gone, and after any end reconnects with exponential backoff and jitter (a refused token is
 * renewed first), then lets the handler subscribe everything again. All of its own work runs on
 * one thread, so connects, subscriptions and reconnects never overlap.
 */
public final class ResilientHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHub.class);

    /** What the owner of a hub does with it. */
    public interface Handler {
        /**
         * A new connection: subscribe everything (wait for the completions). Runs on the hub's
         * thread; an exception ends this connection and a reconnect follows.
         */
        void connected(Session session) throws Exception;

        /** A server invocation (an event), on the socket's thread, in arrival order. */
        void invocation(HubRecords.Message message, String record);

        /** A record that is not hub JSON. */
        void unreadable(String record, String reason);

        /** The connection ended; a reconnect is scheduled. */
        void disconnected(String why);
    }

    /** The live connection, as the handler sees it. */
    public interface Session {
        CompletableFuture<Void> invoke(String target, Object... arguments);
    }

    /** Where the session token comes from. */
    public interface TokenSource {
        String token() throws Exception;

        /** The hub refused this token (HTTP 401 at the upgrade): the next {@link #token()} must be a new one. */
        void refused(String token) throws Exception;
    }

    /**
     * @param keepAlive how often the client pings (SignalR's default is 15 s)
     * @param serverTimeout nothing received for this long means the connection is dead (default 30 s)
     */
    public record Settings(Duration keepAlive, Duration serverTimeout, Duration connectTimeout,
            Duration subscribeTimeout, Duration minBackoff, Duration maxBackoff) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30));
        }

        public Settings withBackoff(Duration min, Duration max) {
            return new Settings(keepAlive, serverTimeout, connectTimeout, subscribeTimeout, min, max);
        }

        public Settings withKeepAlive(Duration ping, Duration timeout) {
            return new Settings(ping, timeout, connectTimeout, subscribeTimeout, minBackoff, maxBackoff);
        }
    }

    private final String name;
    private final URI uri;
    private final TokenSource tokens;
    private final Settings settings;
    private final Handler handler;
    private final HttpClient http;
    private final ScheduledExecutorService thread;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile HubConnection current;
    private volatile boolean closed;
    private int failedAttempts;

    public ResilientHub(String name, URI uri, TokenSource tokens, Settings settings, Handler handler, HttpClient http) {
        this.name = name;
        this.uri = uri;
        this.tokens = tokens;
        this.settings = settings;
        this.handler = handler;
        this.http = http;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hub-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.thread = executor;
    }

    public void start() {
        thread.execute(this::connect);
        long ping = settings.keepAlive().toMillis();
        thread.scheduleWithFixedDelay(this::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** Drops the current connection (if any) and reconnects, e.g. when the market went silent. */
    public void reconnect(String why) {
        thread.execute(() -> {
            HubConnection c = current;
            if (c != null) {
                LOG.warn("{} hub: reconnecting: {}", name, why);
                c.abort(why);
            }
        });
    }

    /** Runs on the hub's thread, after anything already scheduled there. */
    public void runOnHubThread(Runnable task) {
        thread.execute(task);
    }

    /** The current session, or null while disconnected. */
    public Session session() {
        HubConnection c = current;
        return c == null ? null : c::invoke;
    }

    /** How many connections were established (handshake and subscriptions done) so far. */
    public int connections() {
        return connections.get();
    }

    public boolean connected() {
        return current != null;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        HubConnection c = current;
        if (c != null) {
            c.close();
        }
    }

    private void connect() {
        if (closed || current != null) {
            return;
        }
        String token = null;
        HubConnection connection = null;
        try {
            token = tokens.token();
            URI withToken = URI.create(uri + (uri.getQuery() == null ? "?" : "&") + "access_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
            connection = HubConnection.open(http, withToken, new Forwarder(), settings.connectTimeout())
                    .get(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            current = connection;
            HubConnection live = connection;
            handler.connected((target, args) -> live.invoke(target, args)
                    .orTimeout(settings.subscribeTimeout().toMillis(), TimeUnit.MILLISECONDS));
            if (!live.isOpen()) {
                throw new IllegalStateException("connection ended while subscribing");
            }
            failedAttempts = 0;
            connections.incrementAndGet();
            LOG.info("{} hub: connected to {} and subscribed", name, uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 401) {
                LOG.warn("{} hub: token refused (HTTP 401); logging in again", name);
                try {
                    tokens.refused(token);
                } catch (Exception refreshFailed) {
                    LOG.warn("{} hub: token refresh failed: {}", name, refreshFailed.toString());
                }
            }
            if (connection != null) {
                connection.abort("connect failed");
            }
            if (current == connection) {
                current = null;
            }
            scheduleConnect(describe(cause));
        }
    }

    private void scheduleConnect(String why) {
        if (closed) {
            return;
        }
        long min = settings.minBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long base = Math.min(max, min << Math.min(failedAttempts, 20));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        failedAttempts++;
        LOG.warn("{} hub: disconnected ({}); reconnecting in {} ms", name, why, delay);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void keepAlive() {
        HubConnection c = current;
        if (c == null) {
            return;
        }
        if (c.nanosSinceLastReceived() > settings.serverTimeout().toNanos()) {
            c.abort("nothing received for " + settings.serverTimeout().toSeconds() + " s");
        } else {
            c.ping();
        }
    }

    private void ended(HubConnection connection, String why) {
        thread.execute(() -> {
            if (current != connection) {
                return; // a connection that never became current (its connect attempt handles the failure)
            }
            current = null;
            handler.disconnected(why);
            scheduleConnect(why);
        });
    }

    private static String describe(Throwable e) {
        if (e instanceof TimeoutException) {
            return "timed out";
        }
        if (e instanceof WebSocketHandshakeException h) {
            return "upgrade refused with HTTP " + h.getResponse().statusCode();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + withoutToken(e.getMessage()) : "");
    }

    /** A message that might quote the connection's address never shows its token. */
    static String withoutToken(String text) {
        return text.replaceAll("access_token=[^&\\s]*", "access_token=***");
    }

    /** Passes the connection's callbacks on; the end goes through the hub's thread. */
    private final class Forwarder implements HubConnection.Receiver {
        @Override
        public void invocation(HubRecords.Message message, String record) {
            handler.invocation(message, record);
        }

        @Override
        public void unreadable(String record, String reason) {
            handler.unreadable(record, reason);
        }

        @Override
        public void ended(HubConnection connection, String why) {
            if (!closed) {
                ResilientHub.this.ended(connection, why);
            }
        }
    }
}
