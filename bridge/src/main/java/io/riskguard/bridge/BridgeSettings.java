package io.riskguard.bridge;

import io.riskguard.bridge.hub.ResilientHub;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the bridge runs. No secret here: the gateway credentials come from the environment.
 *
 * @param hubUrl the realtime server; the hubs are {@code /hubs/user} and {@code /hubs/market} under it
 * @param accounts the accounts to follow; null for every account the user has (and any that appears)
 * @param contracts the contracts to quote; null for "auto": every contract a followed account holds or orders
 * @param quoteSilenceLimit a subscribed contract without a quote for this long renews the market connection
 * @param restRequestsPerMinute the bridge's share of the broker's per-user limit of 200 per 60 s
 */
public record BridgeSettings(
        URI gatewayUrl,
        URI hubUrl,
        Set<Long> accounts,
        List<String> contracts,
        Duration quoteSilenceLimit,
        int restRequestsPerMinute,
        ResilientHub.Settings hub,
        Duration statusInterval) {

    public BridgeSettings {
        accounts = accounts == null ? null : Set.copyOf(accounts);
        contracts = contracts == null ? null : List.copyOf(contracts);
    }

    public static BridgeSettings defaults(URI gatewayUrl, URI hubUrl) {
        return new BridgeSettings(gatewayUrl, hubUrl, null, null, Duration.ofSeconds(60), 30,
                ResilientHub.Settings.defaults(), Duration.ofSeconds(60));
    }

    public BridgeSettings withAccounts(Set<Long> ids) {
        return new BridgeSettings(gatewayUrl, hubUrl, ids, contracts, quoteSilenceLimit, restRequestsPerMinute, hub,
                statusInterval);
    }

    public BridgeSettings withContracts(List<String> ids) {
        return new BridgeSettings(gatewayUrl, hubUrl, accounts, ids, quoteSilenceLimit, restRequestsPerMinute, hub,
                statusInterval);
    }

    public BridgeSettings withQuoteSilenceLimit(Duration limit) {
        return new BridgeSettings(gatewayUrl, hubUrl, accounts, contracts, limit, restRequestsPerMinute, hub,
                statusInterval);
    }

    public BridgeSettings withRestRequestsPerMinute(int n) {
        return new BridgeSettings(gatewayUrl, hubUrl, accounts, contracts, quoteSilenceLimit, n, hub, statusInterval);
    }

    public BridgeSettings withHub(ResilientHub.Settings settings) {
        return new BridgeSettings(gatewayUrl, hubUrl, accounts, contracts, quoteSilenceLimit, restRequestsPerMinute,
                settings, statusInterval);
    }

    /** The WebSocket address of a hub: {@code https} becomes {@code wss}, {@code http} {@code ws}. */
    public URI hub(String name) {
        String scheme = switch (hubUrl.getScheme()) {
            case "https", "wss" -> "wss";
            case "http", "ws" -> "ws";
            default -> throw new IllegalArgumentException("hub URL must be http(s) or ws(s): " + hubUrl);
        };
        String path = hubUrl.getPath() == null ? "" : hubUrl.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + hubUrl.getRawAuthority() + path + "/hubs/" + name);
    }
}
