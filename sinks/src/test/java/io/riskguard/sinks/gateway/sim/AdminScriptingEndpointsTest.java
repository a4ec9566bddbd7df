package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.parse;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code POST /sim/execute}, {@code /sim/quote} and {@code /sim/can-trade}: scripting the market over HTTP. */
class AdminScriptingEndpointsTest extends HubTestBase {

    @Test
    void anExecutedFillAnswersTheTradeNetsThePositionAndReachesTheUserHub() throws Exception {
        HubClient hub = userHub();
        hub.call("SubscribeTrades", ACC);

        JsonNode opening = admin("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 0, "size", 2,
                "price", price("21000.00")));
        JsonNode closing = admin("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 1, "size", 1,
                "price", price("21001.00"), "profitAndLoss", price("2.00")));

        assertThat(opening.get("accountId").asLong()).isEqualTo(ACC);
        assertThat(opening.get("price").decimalValue()).isEqualByComparingTo("21000.00");
        assertThat(opening.get("profitAndLoss").isNull()).isTrue();
        assertThat(closing.get("side").asInt()).isEqualTo(1);
        assertThat(closing.get("profitAndLoss").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(sim.trades(ACC)).extracting(SimTrade::id)
                .containsExactly(opening.get("id").asLong(), closing.get("id").asLong());
        assertThat(sim.positions(ACC)).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(SimPosition.LONG);
            assertThat(p.size()).isEqualTo(1);
        });
        assertThat(hub.event("GatewayUserTrade").get(0).get("id").asLong()).isEqualTo(opening.get("id").asLong());
        assertThat(sim.calls()).as("the admin surface is not in the call log").extracting(Call::path)
                .containsExactly("/api/Auth/loginKey");
    }

    @Test
    void aPublishedQuoteIsMergedIntoTheLastQuoteAndReachesTheMarketHub() throws Exception {
        HubClient hub = marketHub();
        hub.call("SubscribeContractQuotes", MNQ);

        admin("/sim/quote", json("contractId", MNQ, "lastPrice", price("21000.00")));
        JsonNode last = admin("/sim/quote", json("contractId", MNQ, "bestBid", price("20999.75"),
                "bestAsk", price("21000.25")));

        assertThat(last.get("contractId").asText()).isEqualTo(MNQ);
        assertThat(last.get("symbol").asText()).isEqualTo("F.US.MNQ");
        assertThat(last.get("lastPrice").decimalValue()).isEqualByComparingTo("21000.00");
        assertThat(last.get("bestBid").decimalValue()).isEqualByComparingTo("20999.75");
        assertThat(sim.lastQuote(MNQ)).hasValueSatisfying(q -> {
            assertThat(q.lastPrice()).isEqualByComparingTo("21000.00");
            assertThat(q.bestAsk()).isEqualByComparingTo("21000.25");
        });
        assertThat(hub.event("GatewayQuote").get(1).get("lastPrice").decimalValue()).isEqualByComparingTo("21000.00");
    }

    @Test
    void canTradeIsSetAndAnsweredWithTheAccount() throws Exception {
        sim.putAccount(ACC, "TOPX-1001", true);

        JsonNode account = admin("/sim/can-trade", json("accountId", ACC, "canTrade", false));

        assertThat(account.get("id").asLong()).isEqualTo(ACC);
        assertThat(account.get("name").asText()).isEqualTo("TOPX-1001");
        assertThat(account.get("canTrade").asBoolean()).isFalse();
        assertThat(sim.accounts()).singleElement().extracting(SimAccount::canTrade).isEqualTo(false);
    }

    @Test
    void badBodiesAreRefusedWithAMessageNamingTheField() throws Exception {
        assertRefused("/sim/execute", json("contractId", MNQ, "side", 0, "size", 1, "price", 1), "accountId");
        assertRefused("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 2, "size", 1, "price", 1),
                "side");
        assertRefused("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 0, "size", 0, "price", 1),
                "size");
        assertRefused("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 0, "size", 1,
                "price", "cheap"), "price");
        assertRefused("/sim/execute", json("accountId", ACC, "contractId", MNQ, "side", 0, "size", 1, "price", 1,
                "profitAndLoss", "lots"), "profitAndLoss");
        assertRefused("/sim/quote", json("lastPrice", 1), "contractId");
        assertRefused("/sim/quote", json("contractId", MNQ), "lastPrice");
        assertRefused("/sim/quote", json("contractId", MNQ, "bestBid", "low"), "bestBid");
        assertRefused("/sim/can-trade", json("accountId", ACC, "canTrade", "no"), "canTrade");
        assertRefused("/sim/can-trade", json("canTrade", true), "accountId");
        assertRefused("/sim/execute", "not json", "JSON");

        assertThat(sim.trades(ACC)).isEmpty();
        assertThat(sim.lastQuote(MNQ)).isEmpty();
        assertThat(sim.accounts()).isEmpty();
        assertThat(client.get("/sim/execute").statusCode()).isEqualTo(405);
    }

    private JsonNode admin(String path, String body) throws IOException {
        HttpResponse<String> response = client.send(path, null, body);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private void assertRefused(String path, String body, String field) throws IOException {
        HttpResponse<String> response = client.send(path, null, body);
        assertThat(response.statusCode()).as("%s %s", path, body).isEqualTo(400);
        assertThat(response.body()).as("%s %s", path, body).contains(field);
    }
}
