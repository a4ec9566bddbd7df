package io.riskguard.bridge.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.sinks.gateway.hub.RecordSplitter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection to a hub on the JDK's client: the handshake, invocations whose
 * completion the caller can wait for, and the server's invocations handed to {@link Receiver}
 * in the order they arrived. It reports its end exactly once, however it ends (close record,
 * close frame, error, or {@link #abort}); it never reconnects: {@link ResilientHub} does.
 */
final class HubConnection implements WebSocket.Listener {

    /** What the connection hands on; called on the socket's thread, one record at a time. */
    interface Receiver {
        void invocation(HubRecords.Message message, String record);

        /** A record that is not valid hub JSON. */
        void unreadable(String record, String reason);

        void ended(HubConnection connection, String why);
    }

    private final Receiver receiver;
    private final RecordSplitter splitter = new RecordSplitter();
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> pendingCalls = new ConcurrentHashMap<>();
    private final AtomicLong nextInvocationId = new AtomicLong(1);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private HubConnection(Receiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Connects to {@code uri} (with its {@code access_token}) and completes once the server has
     * accepted the handshake; fails on a refused upgrade (e.g. HTTP 401), an error answer or a timeout.
     */
    static CompletableFuture<HubConnection> open(HttpClient http, URI uri, Receiver receiver, Duration timeout) {
        HubConnection connection = new HubConnection(receiver);
        return http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, connection)
                .thenCompose(ws -> {
                    connection.socket = ws;
                    connection.send(HubRecords.handshakeRequest());
                    return connection.handshake.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                })
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        connection.abort("handshake failed");
                    }
                })
                .thenApply(ok -> connection);
    }

    /** Invokes a hub method; the future completes when the server's completion arrives. */
    CompletableFuture<Void> invoke(String target, Object... arguments) {
        String id = Long.toString(nextInvocationId.getAndIncrement());
        CompletableFuture<Void> done = new CompletableFuture<>();
        pendingCalls.put(id, done);
        send(HubRecords.invocation(id, target, arguments));
        if (ended.get()) {
            done.completeExceptionally(new IllegalStateException("connection ended"));
        }
        return done;
    }

    void ping() {
        send(HubRecords.ping());
    }

    long nanosSinceLastReceived() {
        return System.nanoTime() - lastReceivedNanos;
    }

    boolean isOpen() {
        return !ended.get();
    }

    /** Ends the connection now, without waiting for the server. */
    void abort(String why) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(why);
    }

    /** A polite end: a close record, then the close frame. */
    void close() {
        WebSocket ws = socket;
        if (ws != null && !ended.get()) {
            send(HubRecords.close(null));
            synchronized (this) {
                sending = sending.thenCompose(w -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                        .exceptionally(e -> null);
            }
        }
        end("closed by the bridge");
    }

    /** Sends one record. The JDK allows one outstanding send per socket: sends are chained. */
    private synchronized void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        String framed = text + HubRecords.RECORD_SEPARATOR;
        sending = sending.thenCompose(w -> ws.sendText(framed, true)).exceptionally(e -> {
            abort("send failed: " + e.getClass().getSimpleName());
            return null;
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastReceivedNanos = System.nanoTime();
        List<String> records = splitter.feed(data);
        for (String record : records) {
            handle(record);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String record) {
        HubRecords.Message m;
        try {
            m = HubRecords.parse(record);
        } catch (JsonProcessingException e) {
            receiver.unreadable(record, "not a JSON object: " + e.getOriginalMessage());
            return;
        }
        if (!handshake.isDone()) {
            if (m.error() != null) {
                handshake.completeExceptionally(new IllegalStateException("hub refused the handshake: " + m.error()));
            } else {
                handshake.complete(null);
            }
            return;
        }
        switch (m.type()) {
            case HubRecords.INVOCATION -> receiver.invocation(m, record);
            case HubRecords.COMPLETION -> completed(m);
            case HubRecords.CLOSE -> abort("the hub closed the connection" + (m.error() != null ? ": " + m.error() : ""));
            default -> { } // pings, and message types a client need not act on
        }
    }

    private void completed(HubRecords.Message m) {
        CompletableFuture<Void> call = m.invocationId() == null ? null : pendingCalls.remove(m.invocationId());
        if (call == null) {
            return;
        }
        if (m.error() != null) {
            call.completeExceptionally(new IllegalStateException("hub method failed: " + m.error()));
        } else {
            call.complete(null);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end("socket closed (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end("socket error: " + error.getClass().getSimpleName());
    }

    private void end(String why) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        IllegalStateException gone = new IllegalStateException("connection ended: " + why);
        handshake.completeExceptionally(gone);
        pendingCalls.values().forEach(f -> f.completeExceptionally(gone));
        pendingCalls.clear();
        receiver.ended(this, why);
    }
}
