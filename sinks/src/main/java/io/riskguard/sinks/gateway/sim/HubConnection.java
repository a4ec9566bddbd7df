package io.riskguard.sinks.gateway.sim;

import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.sinks.gateway.hub.RecordSplitter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * One client connection to a hub: its socket, its receive buffer, whether the SignalR handshake is
 * done, and the topics it subscribed to (some of which a fault may have muted). Thread-safe: the
 * socket's worker reads, publishers of any thread send (Java-WebSocket queues what is sent).
 */
final class HubConnection {

    private final WebSocket socket;
    private final Hub hub;
    private final RecordSplitter received = new RecordSplitter();
    private final Set<Hub.Topic> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<Hub.Topic> muted = ConcurrentHashMap.newKeySet();
    private volatile boolean handshakeDone;

    HubConnection(WebSocket socket, Hub hub) {
        this.socket = socket;
        this.hub = hub;
    }

    Hub hub() {
        return hub;
    }

    /** The records completed by this received text (see {@link RecordSplitter}). */
    synchronized List<String> recordsIn(String text) {
        return received.feed(text);
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    void markHandshakeDone() {
        handshakeDone = true;
    }

    void subscribe(Hub.Topic topic) {
        subscriptions.add(topic);
    }

    void unsubscribe(Hub.Topic topic) {
        subscriptions.remove(topic);
    }

    Set<Hub.Topic> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    /** This connection stops receiving the topic (while staying subscribed), until {@link #unmuteAll()}. */
    void mute(Hub.Topic topic) {
        muted.add(topic);
    }

    void unmuteAll() {
        muted.clear();
    }

    /** Whether an event of this topic is to be sent here. */
    boolean receives(Hub.Topic topic) {
        return subscriptions.contains(topic) && !muted.contains(topic);
    }

    /** Sends one record (the separator is appended); a connection closed meanwhile gets nothing. */
    void send(String record) {
        try {
            socket.send(record + HubRecords.RECORD_SEPARATOR);
        } catch (WebsocketNotConnectedException closedMeanwhile) {
            // the close callback detaches this connection from its hub
        }
    }

    /** Closes the socket gracefully (a WebSocket close frame after what is queued). */
    void close() {
        socket.close(CloseFrame.NORMAL);
    }

    /** Closes the TCP connection at once: no SignalR close message, no WebSocket close frame. */
    void drop() {
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
    }
}
