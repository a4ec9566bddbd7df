package io.riskguard.sinks.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The market hub ({@code /hubs/market}): per-connection subscriptions to the quotes of a contract,
 * published as {@code GatewayQuote} events with arguments {@code [contractId, data]}. Subscribing
 * sends nothing by itself (no replay of the last quote).
 */
final class MarketHub extends Hub {

    static final String PATH = "/hubs/market";
    private static final String QUOTES = "quotes";

    MarketHub() {
        super(PATH);
        method("SubscribeContractQuotes", 1, (caller, args) -> caller.subscribe(quotes(stringArgument(args, 0))));
        method("UnsubscribeContractQuotes", 1, (caller, args) -> caller.unsubscribe(quotes(stringArgument(args, 0))));
    }

    void publish(String contractId, SimQuote quote) {
        Topic topic = quotes(contractId);
        String record = null;
        for (HubConnection connection : connections()) {
            if (connection.receives(topic)) {
                if (record == null) {
                    ArrayNode arguments = Json.MAPPER.createArrayNode().add(contractId).add(BookJson.quote(quote));
                    record = HubRecords.invocation("GatewayQuote", arguments);
                }
                connection.send(record);
            }
        }
    }

    /** The connections open now stop receiving this contract's quotes; later ones are not affected. */
    void silence(String contractId) {
        connections().forEach(c -> c.mute(quotes(contractId)));
    }

    void unsilenceAll() {
        connections().forEach(HubConnection::unmuteAll);
    }

    /** The contracts an open connection subscribed to. */
    Set<String> quoteSubscriptions() {
        return connections().stream()
                .flatMap(c -> c.subscriptions().stream())
                .map(Topic::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Topic quotes(String contractId) {
        return new Topic(QUOTES, contractId);
    }
}
