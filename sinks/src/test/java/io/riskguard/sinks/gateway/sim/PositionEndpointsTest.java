package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionEndpointsTest extends SimulatorTestBase {

    @Test
    void searchOpenListsTheAccountsPositionsOrderedByContractIdWithTheGatewayFields() {
        sim.putPosition(ACC, MNQ, 1, 3, price("21010.25"));
        sim.putPosition(ACC, ES, 2, 1, price("6000.50"));
        sim.putPosition(OTHER_ACC, NQ, 1, 1, price("21000.00"));

        JsonNode answer = call("/api/Position/searchOpen", json("accountId", ACC));

        assertSuccess(answer);
        JsonNode positions = answer.get("positions");
        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).get("contractId").asText()).isEqualTo(ES);
        JsonNode mnq = positions.get(1);
        assertThat(mnq.get("id").isIntegralNumber()).isTrue();
        assertThat(mnq.get("accountId").asLong()).isEqualTo(ACC);
        assertThat(mnq.get("contractId").asText()).isEqualTo(MNQ);
        assertThat(mnq.get("creationTimestamp").asText()).endsWith("Z");
        assertThat(mnq.get("type").asInt()).isEqualTo(1);
        assertThat(mnq.get("size").asLong()).isEqualTo(3);
        assertThat(mnq.get("averagePrice").decimalValue()).isEqualByComparingTo("21010.25");
        assertThat(fieldNames(mnq)).containsExactly(
                "id", "accountId", "contractId", "creationTimestamp", "type", "size", "averagePrice");
    }

    @Test
    void searchOpenOfAnAccountWithoutPositionsIsAnEmptyList() {
        JsonNode answer = call("/api/Position/searchOpen", json("accountId", 4242));

        assertSuccess(answer);
        assertThat(answer.get("positions")).isEmpty();
    }

    @Test
    void closeContractRemovesThePosition() {
        sim.putPosition(ACC, MNQ, 1, 3, price("21010.25"));
        sim.putPosition(ACC, ES, 2, 1, price("6000.50"));

        JsonNode answer = call("/api/Position/closeContract", json("accountId", ACC, "contractId", MNQ));

        assertSuccess(answer);
        assertThat(sim.positions(ACC)).extracting(SimPosition::contractId).containsExactly(ES);
    }

    @Test
    void closeContractOfAMissingPositionFailsWithErrorCodeTwo() {
        sim.putPosition(OTHER_ACC, MNQ, 1, 3, price("21010.25"));

        assertFailure(call("/api/Position/closeContract", json("accountId", ACC, "contractId", MNQ)),
                2, "position not found");
        assertThat(sim.positions(OTHER_ACC)).hasSize(1);
    }

    @Test
    void partialCloseReducesThePositionBySizeAndKeepsItsPrice() {
        sim.putPosition(ACC, MNQ, 2, 5, price("21010.25"));

        JsonNode answer = call("/api/Position/partialCloseContract",
                json("accountId", ACC, "contractId", MNQ, "size", 2));

        assertSuccess(answer);
        assertThat(sim.positions(ACC)).singleElement().satisfies(p -> {
            assertThat(p.size()).isEqualTo(3);
            assertThat(p.type()).isEqualTo(2);
            assertThat(p.averagePrice()).isEqualByComparingTo("21010.25");
        });
    }

    @Test
    void partialCloseOfTheWholeSizeOrMoreClosesThePosition() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21010.25"));
        sim.putPosition(ACC, ES, 1, 2, price("6000.00"));

        assertSuccess(call("/api/Position/partialCloseContract", json("accountId", ACC, "contractId", MNQ, "size", 2)));
        assertSuccess(call("/api/Position/partialCloseContract", json("accountId", ACC, "contractId", ES, "size", 7)));

        assertThat(sim.positions(ACC)).isEmpty();
    }

    @Test
    void partialCloseWithASizeBelowOneFailsWithErrorCodeFourAndChangesNothing() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21010.25"));

        assertFailure(call("/api/Position/partialCloseContract", json("accountId", ACC, "contractId", MNQ, "size", 0)),
                4, "invalid size");
        assertThat(sim.positions(ACC)).singleElement().extracting(SimPosition::size).isEqualTo(2L);
    }

    @Test
    void partialCloseOfAMissingPositionFailsWithErrorCodeTwo() {
        assertFailure(call("/api/Position/partialCloseContract", json("accountId", ACC, "contractId", MNQ, "size", 1)),
                2, "position not found");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
