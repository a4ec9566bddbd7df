package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A tiny SignalR JSON-protocol client for the tests, on the JDK's WebSocket: it splits received text
 * into records (also across frames) and keeps them in arrival order; tests take them out, waiting up
 * to {@link #TIMEOUT} for each.
 */
final class HubClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final char RS = '\u001e';

    /** A record as received: its text, its JSON and when it arrived (System.nanoTime). */
    record Received(String text, JsonNode json, long arrivedNanos) {
        int type() {
            return json.path("type").asInt(-1);
        }
    }

    /** Bounds waiting for the end of a connection: a bound, not a wait. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** How often {@link #awaitDropped()} probes the connection with a keep-alive ping. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    /** The WebSocket status the JDK client reports when the connection ended without a close frame. */
    static final int CLOSED_ABNORMALLY = 1006;

    private final List<Received> inbox = new ArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile int closeStatus = -1;
    private WebSocket socket;
    private int nextInvocationId = 1;

    private HubClient() {
    }

    /** Connects to the hub at {@code path} with this access token and completes the handshake. */
    static HubClient connect(GatewaySimulator sim, String path, String token) {
        HubClient client = open(sim, path, token);
        client.sendRecord("{\"protocol\":\"json\",\"version\":1}");
        assertThat(client.next().text()).as("handshake answer").isEqualTo("{}");
        return client;
    }

    /** Opens the WebSocket only (no SignalR handshake). */
    static HubClient open(GatewaySimulator sim, String path, String token) {
        HubClient client = new HubClient();
        // a client of its own: no test's connections share the JDK client's selector with another's
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(uri(sim, path, token), client.new Listener())
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return client;
    }

    /** The HTTP status with which the server refuses the WebSocket upgrade (fails when it accepts). */
    static int refusedUpgradeStatus(GatewaySimulator sim, String path, String token) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(uri(sim, path, token), new WebSocket.Listener() { })
                    .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join()
                    .abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade of " + path + " was accepted");
    }

    private static URI uri(GatewaySimulator sim, String path, String token) {
        return URI.create(sim.hubUri() + path + (token == null ? "" : "?access_token=" + token));
    }

    // ---- sending ------------------------------------------------------------------------------

    /** Sends raw text as one WebSocket text message (no separator added). */
    void sendText(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void sendRecord(String json) {
        sendText(json + RS);
    }

    /** Invokes with an invocationId and returns the matching completion. */
    JsonNode invoke(String target, Object... arguments) {
        String id = Integer.toString(nextInvocationId++);
        ObjectNode message = invocation(target, arguments);
        message.put("invocationId", id);
        sendRecord(message.toString());
        return take(r -> r.type() == 3 && id.equals(r.json().path("invocationId").asText())).json();
    }

    /** Invokes and asserts a successful completion. */
    void call(String target, Object... arguments) {
        JsonNode completion = invoke(target, arguments);
        assertThat(completion.has("error")).as("completion of %s: %s", target, completion).isFalse();
    }

    /** Invokes without invocationId: no answer expected. */
    void send(String target, Object... arguments) {
        sendRecord(invocation(target, arguments).toString());
    }

    private static ObjectNode invocation(String target, Object... arguments) {
        ObjectNode message = SimClient.MAPPER.createObjectNode();
        message.put("type", 1);
        message.put("target", target);
        ArrayNode args = message.putArray("arguments");
        for (Object argument : arguments) {
            args.add(SimClient.MAPPER.valueToTree(argument));
        }
        return message;
    }

    // ---- receiving ----------------------------------------------------------------------------

    /** The next record that is not a ping. */
    Received next() {
        return take(r -> r.type() != 6);
    }

    /** The next record, asserted to be an invocation of {@code target}; its arguments. */
    JsonNode event(String target) {
        Received received = next();
        assertThat(received.json().path("target").asText()).as("next event: %s", received.text()).isEqualTo(target);
        return received.json().get("arguments");
    }

    /** The targets of the next n events. */
    List<String> nextTargets(int n) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(next().json().path("target").asText());
        }
        return targets;
    }

    /**
     * Invokes a method and asserts that nothing but pings arrived before its completion: as records
     * arrive in the order sent, the server sent no event before this invocation was answered.
     */
    void assertNoEventsBefore(String target, Object... arguments) {
        call(target, arguments);
        synchronized (this) {
            assertThat(inbox).filteredOn(r -> r.type() != 6).extracting(Received::text).isEmpty();
        }
    }

    /** The first record matching, taken out of the inbox (the others before it stay), waiting for it. */
    synchronized Received take(Predicate<Received> wanted) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (Iterator<Received> it = inbox.iterator(); it.hasNext(); ) {
                Received received = it.next();
                if (wanted.test(received)) {
                    it.remove();
                    return received;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed.isDone()) {
                throw new AssertionError("no matching record within " + TIMEOUT + (closed.isDone() ? " (closed)" : "")
                        + "; received: " + inbox);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until the server closed the connection (close frame, or the TCP connection dropped). */
    void awaitClosed() {
        closed.orTimeout(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * Waits until the server dropped the connection, and asserts that it sent neither a SignalR close
     * message nor a WebSocket close frame. The JDK client notices a TCP connection closed without a
     * close frame only when it next reads, on its own schedule (some CI runs saw nothing within 30 s),
     * so this probes as a real client's keep-alive does: a ping every {@link #PROBE_INTERVAL}; once the
     * server's socket is gone, a send fails (or the client notices the end meanwhile).
     */
    void awaitDropped() {
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        while (!closed.isDone()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the connection was not dropped within " + CLOSE_TIMEOUT);
            }
            try {
                socket.sendText("{\"type\":6}" + RS, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException sendFailed) {
                closedByServer(CLOSED_ABNORMALLY);
                break;
            } catch (TimeoutException | InterruptedException e) {
                throw new AssertionError("a probe could not be sent", e);
            }
            awaitClosedFor(PROBE_INTERVAL);
        }
        synchronized (this) {
            assertThat(inbox).as("records before the drop").filteredOn(r -> r.type() == 7).isEmpty();
        }
        assertThat(closeStatus).as("WebSocket close status (1006: no close frame)").isEqualTo(CLOSED_ABNORMALLY);
    }

    private synchronized void awaitClosedFor(Duration duration) {
        if (!closed.isDone()) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, duration.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private synchronized void received(String record) {
        inbox.add(new Received(record, parsedOrMissing(record), System.nanoTime()));
        notifyAll();
    }

    /** The record's JSON; a record that is not JSON (sent with sendRaw) is kept as text only. */
    private static JsonNode parsedOrMissing(String record) {
        try {
            return SimClient.MAPPER.readTree(record);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private synchronized void closedByServer(int status) {
        if (closeStatus == -1) {
            closeStatus = status;
        }
        closed.complete(null);
        notifyAll();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder pending = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            pending.append(data);
            int end;
            while ((end = pending.indexOf(String.valueOf(RS))) >= 0) {
                received(pending.substring(0, end));
                pending.delete(0, end + 1);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer(CLOSED_ABNORMALLY);
        }
    }
}
