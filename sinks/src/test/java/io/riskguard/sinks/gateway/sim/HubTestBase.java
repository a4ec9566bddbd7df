package io.riskguard.sinks.gateway.sim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A simulator per test plus hub clients on it, closed after the test. */
abstract class HubTestBase extends SimulatorTestBase {

    static final String USER_HUB = "/hubs/user";
    static final String MARKET_HUB = "/hubs/market";

    private final List<HubClient> clients = new ArrayList<>();

    /** A user hub connection, handshake done, with the test's token. */
    HubClient userHub() {
        return track(HubClient.connect(sim, USER_HUB, token));
    }

    HubClient marketHub() {
        return track(HubClient.connect(sim, MARKET_HUB, token));
    }

    HubClient track(HubClient client) {
        clients.add(client);
        return client;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(HubClient::close);
    }
}
