package io.riskguard.sinks.gateway.sim;

import io.riskguard.sinks.gateway.hub.HubRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket server of the realtime hubs, as the broker's ({@code /hubs/user},
 * {@code /hubs/market}; clients skip negotiation). It refuses the upgrade of an unknown path (404) and
 * of a missing or invalid access token (401: query {@code access_token}, as SignalR's clients send it
 * over WebSockets, or an {@code Authorization: Bearer} header). It hands received records to the
 * {@link HubDispatcher} and sends a ping to every connection each ping interval. Tokens are never
 * logged nor put in an exception message.
 */
final class HubServer extends WebSocketServer {

    // Java-WebSocket answers every refused upgrade with "404 WebSocket Upgrade Failure", whatever the
    // InvalidDataException says; so the 401 is queued on the connection before the refusal: clients
    // read it as the answer, and the library's 404 after it is never read (the connection closes).
    private static final byte[] UNAUTHORIZED = ("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int STOP_TIMEOUT_MILLIS = 1000;
    static final Duration STALLED_WRITE_SWEEP = Duration.ofMillis(10);
    private static final long START_TIMEOUT_SECONDS = 10;

    private final TokenStore tokens;
    private final Map<String, Hub> hubsByPath;
    private final Duration pingInterval;
    private final HubDispatcher dispatcher = new HubDispatcher();
    private final ScheduledExecutorService housekeeping;
    private final CountDownLatch startedOrFailed = new CountDownLatch(1);
    private volatile Exception startFailure;

    HubServer(InetSocketAddress address, TokenStore tokens, List<Hub> hubs, Duration pingInterval) {
        super(address);
        this.tokens = tokens;
        this.hubsByPath = hubs.stream().collect(Collectors.toUnmodifiableMap(Hub::path, Function.identity()));
        this.pingInterval = pingInterval;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-sim-hub-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
    }

    /** Binds and starts; throws UncheckedIOException when the port cannot be bound. */
    void startServing() {
        start();
        try {
            if (!startedOrFailed.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new UncheckedIOException(new IOException("hub server did not start in time"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the hub server", e);
        }
        if (startFailure != null) {
            throw new UncheckedIOException("cannot bind hub port " + getAddress(),
                    startFailure instanceof IOException io ? io : new IOException(startFailure));
        }
        long millis = pingInterval.toMillis();
        housekeeping.scheduleAtFixedRate(this::pingAll, millis, millis, TimeUnit.MILLISECONDS);
        long sweep = STALLED_WRITE_SWEEP.toMillis();
        housekeeping.scheduleWithFixedDelay(this::resumeStalledWrites, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    void stopServing() {
        housekeeping.shutdownNow();
        try {
            stop(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ws://<bind address>:<port>}. */
    URI uri() {
        return URI.create("ws://" + getAddress().getHostString() + ":" + getPort());
    }

    Hub hub(String path) {
        Hub hub = hubsByPath.get(path);
        if (hub == null) {
            throw new IllegalArgumentException("no hub at " + path + "; hubs: " + hubsByPath.keySet());
        }
        return hub;
    }

    /** Closes every connection's TCP connection now, handshake done or not; how many. */
    int dropAll() {
        List<WebSocket> sockets = List.copyOf(getConnections());
        for (WebSocket socket : sockets) {
            // NIO defers closing a channel registered with a selector until the selector's next select,
            // so the peer is told first (FIN now), and the selector is woken to finish the close.
            if (socket instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
                try {
                    channel.shutdownOutput();
                } catch (IOException alreadyGone) {
                    // closed by the peer meanwhile: nothing left to tell it
                }
            }
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
            onWriteDemand(socket);
        }
        return sockets.size();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
        URI target = parsed(request.getResourceDescriptor());
        if (target == null || !hubsByPath.containsKey(target.getPath())) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no hub at this path");
        }
        if (tokens.userOf(accessToken(target, request)) == null) {
            ((WebSocketImpl) socket).outQueue.add(ByteBuffer.wrap(UNAUTHORIZED));
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "missing or invalid access token");
        }
        return response;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        Hub hub = hubsByPath.get(parsed(handshake.getResourceDescriptor()).getPath());
        socket.setAttachment(new HubConnection(socket, hub));
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        HubConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.recordsIn(text).forEach(record -> dispatcher.onRecord(connection, record));
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer bytes) {
        HubConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.send(HubRecords.close("Binary messages are not part of the JSON hub protocol."));
            connection.close();
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        HubConnection connection = socket.getAttachment();
        if (connection != null) {
            connection.hub().detach(connection);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) { // the server itself failed: binding, or its selector
            startFailure = error;
            startedOrFailed.countDown();
        }
        // a connection's error is followed by its close callback
    }

    @Override
    public void onStart() {
        startedOrFailed.countDown();
    }

    /**
     * Java-WebSocket (1.6.0) lets a record wait unsent: its selector thread, having written a
     * connection's queue empty, sets the connection's interest back to read-only, and a record queued
     * by another thread in between (its write interest set just before) is then not written until the
     * next send to that connection, up to a ping interval later (the likeliest cause of an invocation a CI
     * run saw go unanswered for 5 s).
     * Every connection holding queued data is asked to write again here.
     */
    private void resumeStalledWrites() {
        for (WebSocket socket : getConnections()) {
            if (socket.hasBufferedData()) {
                try {
                    onWriteDemand(socket);
                } catch (RuntimeException closedMeanwhile) {
                    // the connection is going away: its close callback cleans up
                }
            }
        }
    }

    private void pingAll() {
        String ping = HubRecords.ping();
        hubsByPath.values().forEach(hub -> hub.sendToAll(ping));
    }

    private static URI parsed(String resourceDescriptor) {
        try {
            return URI.create(resourceDescriptor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String accessToken(URI target, ClientHandshake request) {
        String query = target.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("access_token=")) {
                    return URLDecoder.decode(parameter.substring("access_token=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        String authorization = request.getFieldValue("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
