package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SignalR hub at one path: its methods (by name, case-insensitively, as SignalR binds them) and
 * its connections that completed the handshake.
 */
abstract class Hub {

    /** A subscription: what kind of events ({@code "orders"}, {@code "quotes"}…) and of what (account, contract). */
    record Topic(String kind, String key) {
    }

    /** A hub method; it throws {@link HubException} on bad arguments. */
    @FunctionalInterface
    interface Method {
        void invoke(HubConnection caller, ArrayNode arguments);
    }

    private record Declared(String name, int parameters, Method body) {
    }

    private final String path;
    private final Map<String, Declared> methods = new HashMap<>();
    private final Set<HubConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();

    Hub(String path) {
        this.path = path;
    }

    final String path() {
        return path;
    }

    /** Declares a method; called by subclasses while constructing. */
    final void method(String name, int parameters, Method body) {
        methods.put(name.toLowerCase(Locale.ROOT), new Declared(name, parameters, body));
    }

    final void invoke(HubConnection caller, String target, ArrayNode arguments) {
        Declared method = methods.get(target.toLowerCase(Locale.ROOT));
        if (method == null) {
            throw new HubException("Unknown hub method '" + target + "'");
        }
        if (arguments.size() != method.parameters()) {
            throw new HubException("Failed to invoke '" + target + "': invocation provides " + arguments.size()
                    + " argument(s) but target expects " + method.parameters() + ".");
        }
        method.body().invoke(caller, arguments);
    }

    /** The connection completed its handshake: it may receive events now. */
    final void attach(HubConnection connection) {
        connection.markHandshakeDone();
        open.add(connection);
        opened.incrementAndGet();
    }

    final void detach(HubConnection connection) {
        open.remove(connection);
    }

    /** The open connections that completed their handshake. */
    final Collection<HubConnection> connections() {
        return open;
    }

    /** How many connections completed their handshake since the start. */
    final int opened() {
        return opened.get();
    }

    final void sendToAll(String record) {
        open.forEach(c -> c.send(record));
    }

    static long longArgument(ArrayNode arguments, int index) {
        JsonNode node = arguments.get(index);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new HubException("argument " + index + " must be an integer");
        }
        return node.asLong();
    }

    static String stringArgument(ArrayNode arguments, int index) {
        JsonNode node = arguments.get(index);
        if (node == null || !node.isTextual()) {
            throw new HubException("argument " + index + " must be a string");
        }
        return node.asText();
    }
}
