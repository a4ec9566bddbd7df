package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;

/**
 * Handles the records a client sends, one at a time per connection: the handshake first, then
 * invocations (answered with a completion when they carry an invocationId), pings (ignored) and
 * close messages. A record that is not a valid message closes the connection with an error, as a
 * SignalR server does.
 */
final class HubDispatcher {

    void onRecord(HubConnection connection, String record) {
        if (!connection.handshakeDone()) {
            handshake(connection, record);
            return;
        }
        ObjectNode message = Json.tryParseObject(record);
        if (message == null || !message.path("type").isInt()) {
            closeWithError(connection, "Invalid message: " + abbreviated(record));
            return;
        }
        switch (message.get("type").asInt()) {
            case HubRecords.INVOCATION -> invoke(connection, message);
            case HubRecords.CLOSE -> connection.close();
            default -> {
                // pings keep the client's side alive; this server starts no streams, so stream
                // items, completions and cancels concern nothing here
            }
        }
    }

    private static void handshake(HubConnection connection, String record) {
        ObjectNode request = Json.tryParseObject(record);
        if (request == null || !request.path("protocol").isTextual() || !request.path("version").isInt()) {
            refuse(connection, "Handshake request is malformed.");
            return;
        }
        String protocol = request.get("protocol").asText();
        if (!HubRecords.PROTOCOL.equals(protocol)) {
            refuse(connection, "The protocol '" + protocol + "' is not supported.");
            return;
        }
        int version = request.get("version").asInt();
        if (version != HubRecords.VERSION) {
            refuse(connection, "The server does not support version " + version + " of the 'json' protocol.");
            return;
        }
        connection.send(HubRecords.handshakeAccepted());
        connection.hub().attach(connection);
    }

    private static void invoke(HubConnection connection, ObjectNode message) {
        JsonNode target = message.get("target");
        JsonNode arguments = message.get("arguments");
        JsonNode id = message.get("invocationId");
        if (target == null || !target.isTextual() || arguments == null || !arguments.isArray()
                || (id != null && !id.isTextual())) {
            closeWithError(connection, "Invalid invocation message.");
            return;
        }
        String invocationId = id == null ? null : id.asText();
        try {
            connection.hub().invoke(connection, target.asText(), (ArrayNode) arguments);
            if (invocationId != null) {
                connection.send(HubRecords.completion(invocationId));
            }
        } catch (HubException e) {
            if (invocationId != null) {
                connection.send(HubRecords.completionError(invocationId, e.getMessage()));
            }
        }
    }

    private static void refuse(HubConnection connection, String error) {
        connection.send(HubRecords.handshakeRefused(error));
        connection.close();
    }

    private static void closeWithError(HubConnection connection, String error) {
        connection.send(HubRecords.close(error));
        connection.close();
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
