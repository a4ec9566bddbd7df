package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountAndContractEndpointsTest extends SimulatorTestBase {

    @Test
    void accountSearchListsTheAccountsKnownToTheBookById() {
        sim.putAccount(OTHER_ACC, "TOPX-2", false);
        sim.putAccount(ACC, "TOPX-1", true);
        sim.putPosition(3003, MNQ, 1, 1, price("21000.00"));

        JsonNode answer = call("/api/Account/search", json("onlyActiveAccounts", true));

        assertSuccess(answer);
        JsonNode accounts = answer.get("accounts");
        assertThat(accounts).extracting(a -> a.get("id").asLong()).containsExactly(ACC, OTHER_ACC, 3003L);
        JsonNode first = accounts.get(0);
        assertThat(first.get("name").asText()).isEqualTo("TOPX-1");
        assertThat(first.get("canTrade").asBoolean()).isTrue();
        assertThat(first.get("isVisible").asBoolean()).isTrue();
        assertThat(first.get("balance").isNumber()).isTrue();
        assertThat(accounts.get(1).get("canTrade").asBoolean()).isFalse();
        assertThat(accounts.get(2).get("name").asText()).isEqualTo("SIM-3003");
    }

    @ParameterizedTest
    @CsvSource({
        "CON.F.US.MNQ.H26, MNQH6, 0.25, 0.50",
        "CON.F.US.EP.H26,  ESH6,  0.25, 12.50",
        "CON.F.US.ES.M26,  ESM6,  0.25, 12.50",
        "CON.F.US.ENQ.H26, NQH6,  0.25, 5.00",
        "CON.F.US.MES.Z26, MESZ6, 0.25, 1.25",
        "CON.F.US.CL.J26,  CLJ6,  0.01, 10.00",
        "CON.F.US.GC.J26,  GCJ6,  0.10, 10.00"})
    void contractSearchByIdGivesTheTickSizeAndTickValueOfABuiltInContract(String id, String name, String tickSize,
            String tickValue) {
        JsonNode answer = call("/api/Contract/searchById", json("contractId", id));

        assertSuccess(answer);
        JsonNode contract = answer.get("contract");
        assertThat(contract.get("id").asText()).isEqualTo(id);
        assertThat(contract.get("name").asText()).isEqualTo(name);
        assertThat(contract.get("description").asText()).isNotBlank();
        assertThat(contract.get("tickSize").decimalValue()).isEqualByComparingTo(tickSize);
        assertThat(contract.get("tickValue").decimalValue()).isEqualByComparingTo(tickValue);
        assertThat(contract.get("activeContract").asBoolean()).isTrue();
    }

    @Test
    void contractSearchByIdOfAnUnknownContractFailsWithErrorCodeOne() {
        JsonNode answer = call("/api/Contract/searchById", json("contractId", "CON.F.US.ZZ.H26"));

        assertFailure(answer, 1, "contract not found");
        assertThat(answer.get("contract").isNull()).isTrue();
    }
}
