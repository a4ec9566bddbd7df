package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedMarketTest extends HubTestBase {

    @Test
    void theSameSeedGivesTheSameQuotesAndAnotherSeedOthers() {
        List<Map<String, SimQuote>> first = steps(new ScriptedMarket(sim, List.of(MNQ, ES), 4, 7), 20);
        List<Map<String, SimQuote>> again = steps(new ScriptedMarket(sim, List.of(MNQ, ES), 4, 7), 20);
        List<Map<String, SimQuote>> other = steps(new ScriptedMarket(sim, List.of(MNQ, ES), 4, 8), 20);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void eachStepQuotesEveryContractWithinTwoTicksOfTheLastAndWithAOneTickSpread() {
        ScriptedMarket market = new ScriptedMarket(sim, List.of(MNQ, "CON.F.US.CL.J26"), 4, 1);
        BigDecimal previous = new BigDecimal("21000.00");

        for (Map<String, SimQuote> step : steps(market, 50)) {
            assertThat(step).containsOnlyKeys(MNQ, "CON.F.US.CL.J26");
            SimQuote mnq = step.get(MNQ);
            assertThat(mnq.lastPrice().subtract(previous).abs()).isLessThanOrEqualTo(new BigDecimal("0.50"));
            assertThat(mnq.bestBid()).isEqualByComparingTo(mnq.lastPrice());
            assertThat(mnq.bestAsk().subtract(mnq.bestBid())).isEqualByComparingTo("0.25");
            assertThat(step.get("CON.F.US.CL.J26").bestAsk().subtract(step.get("CON.F.US.CL.J26").bestBid()))
                    .isEqualByComparingTo("0.01");
            previous = mnq.lastPrice();
        }
        assertThat(sim.lastQuote(MNQ)).map(SimQuote::lastPrice).contains(previous);
    }

    @Test
    void startedItPublishesQuotesToSubscribersUntilStopped() {
        HubClient client = marketHub();
        client.call("SubscribeContractQuotes", ES);

        try (ScriptedMarket market = new ScriptedMarket(sim, List.of(ES), 50, 3)) {
            market.start();
            for (int i = 0; i < 5; i++) {
                JsonNode arguments = client.event("GatewayQuote");
                assertThat(arguments.get(0).asText()).isEqualTo(ES);
                assertThat(arguments.get(1).get("symbol").asText()).isEqualTo("F.US.EP");
            }
        }
    }

    @Test
    void aMarketNeedsContractsAndAPositiveRate() {
        assertThatThrownBy(() -> new ScriptedMarket(sim, List.of(), 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptedMarket(sim, List.of(MNQ), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Map<String, SimQuote>> steps(ScriptedMarket market, int n) {
        List<Map<String, SimQuote>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(market.step());
        }
        return steps;
    }
}
