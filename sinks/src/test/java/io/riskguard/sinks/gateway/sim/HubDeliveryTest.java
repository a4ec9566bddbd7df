package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.sinks.gateway.hub.HubRecords;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.junit.jupiter.api.Test;

class HubDeliveryTest extends HubTestBase {

    /**
     * Java-WebSocket's selector can reset a connection's interest to read-only just after another
     * thread queued a record and asked for write interest; the race is too narrow to provoke, so its
     * outcome is set up directly: a record in the connection's queue with no write interest asked.
     */
    @Test
    void aRecordLeftQueuedWithoutWriteInterestIsStillSentBeforeTheNextPing() {
        HubClient client = userHub();
        WebSocketImpl socket = onlyConnection();

        socket.outQueue.add(frame(socket, "{\"type\":1,\"target\":\"Stalled\",\"arguments\":[1]}"));

        assertThat(client.event("Stalled").get(0).asInt()).isEqualTo(1);
        assertThat(HubClient.TIMEOUT).isLessThan(GatewaySimulator.Options.DEFAULT_HUB_PING_INTERVAL);
    }

    private WebSocketImpl onlyConnection() {
        assertThat(sim.hubServer().getConnections()).hasSize(1);
        WebSocket socket = sim.hubServer().getConnections().iterator().next();
        return (WebSocketImpl) socket;
    }

    private static ByteBuffer frame(WebSocketImpl socket, String record) {
        Draft draft = socket.getDraft();
        return draft.createBinaryFrame(draft.createFrames(record + HubRecords.RECORD_SEPARATOR, false).get(0));
    }
}
