package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedTraderTest extends SimulatorTestBase {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    /** A trade without its ids and timestamp. */
    record Fill(long accountId, String contractId, int side, long size, BigDecimal price, BigDecimal profitAndLoss) {
        static Fill of(SimTrade t) {
            return new Fill(t.accountId(), t.contractId(), t.side(), t.size(), t.price(), t.profitAndLoss());
        }
    }

    @Test
    void theSameSeedGivesTheSameFillsAndAnotherSeedOthers() {
        List<Fill> first = fills(7, 40);
        List<Fill> again = fills(7, 40);
        List<Fill> other = fills(8, 40);

        assertThat(first).hasSize(40);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).extracting(Fill::accountId).contains(ACC, OTHER_ACC);
        assertThat(first).extracting(Fill::contractId).contains(MNQ, ES);
        assertThat(first).extracting(Fill::size).containsOnly(1L, 2L, 3L);
        assertThat(first).extracting(Fill::profitAndLoss).as("some fills close, some open").containsNull()
                .anyMatch(pnl -> pnl != null);
    }

    @Test
    void aBuyFillsAtTheBestAskAndASellAtTheBestBid() {
        quote(MNQ, "21000.00", "21000.25");
        ScriptedTrader trader = new ScriptedTrader(sim, List.of(ACC), List.of(MNQ), INTERVAL, 3);

        for (int i = 0; i < 20; i++) {
            SimTrade trade = trader.step().orElseThrow();
            assertThat(trade.price()).isEqualByComparingTo(trade.side() == SimTrade.BUY ? "21000.25" : "21000.00");
        }
    }

    @Test
    void aFillAgainstALongCarriesThePnlOfTheContractsItClosesAndAnAddingFillNone() {
        quote(MNQ, "21010.00", "21010.25");
        ScriptedTrader trader = new ScriptedTrader(sim, List.of(ACC), List.of(MNQ), INTERVAL, 11);
        List<SimTrade> sells = new ArrayList<>();
        List<SimTrade> buys = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            sim.putPosition(ACC, MNQ, SimPosition.LONG, 2, price("21000.00"));
            SimTrade trade = trader.step().orElseThrow();
            (trade.side() == SimTrade.SELL ? sells : buys).add(trade);
        }

        assertThat(sells).isNotEmpty().allSatisfy(sell -> assertThat(sell.profitAndLoss())
                .as("40 ticks of 0.50 on each of the closed contracts, at most the 2 held")
                .isEqualByComparingTo(new BigDecimal("20.00").multiply(BigDecimal.valueOf(Math.min(sell.size(), 2)))));
        assertThat(buys).isNotEmpty().allSatisfy(buy -> assertThat(buy.profitAndLoss()).isNull());
    }

    @Test
    void aFillAgainstAShortUsesTheContractsTickValue() {
        SimPosition esShort = sim.putPosition(ACC, ES, SimPosition.SHORT, 1, price("6000.00"));

        assertThat(ScriptedTrader.realizedProfitAndLoss(esShort, SimTrade.BUY, 3, price("6001.00")))
                .as("4 ticks of 12.50 against the one contract held; the other two open a long")
                .isEqualByComparingTo("-50.00");
        assertThat(ScriptedTrader.realizedProfitAndLoss(esShort, SimTrade.SELL, 1, price("6001.00"))).isNull();
        assertThat(ScriptedTrader.realizedProfitAndLoss(null, SimTrade.BUY, 1, price("6001.00"))).isNull();
    }

    @Test
    void aContractWithoutAQuoteIsNotTraded() {
        ScriptedTrader trader = new ScriptedTrader(sim, List.of(ACC), List.of(MNQ), INTERVAL, 1);

        assertThat(trader.step()).isEmpty();
        assertThat(sim.trades(ACC)).isEmpty();
    }

    @Test
    void startedItTradesEveryIntervalUntilStopped() {
        quote(MNQ, "21000.00", "21000.25");
        try (ScriptedTrader trader = new ScriptedTrader(sim, List.of(ACC), List.of(MNQ), Duration.ofMillis(10), 5)) {
            trader.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.trades(ACC).size() >= 3);
            trader.stop();
            int stoppedAt = sim.trades(ACC).size();
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> sim.trades(ACC).size() == stoppedAt);
        }
    }

    @Test
    void aTraderNeedsAccountsContractsAndAPositiveInterval() {
        assertThatThrownBy(() -> new ScriptedTrader(sim, List.of(), List.of(MNQ), INTERVAL, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptedTrader(sim, List.of(ACC), List.of(), INTERVAL, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptedTrader(sim, List.of(ACC), List.of(MNQ), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code steps} fills of a trader with this seed, on an empty book with fixed quotes. */
    private List<Fill> fills(long seed, int steps) {
        sim.reset();
        quote(MNQ, "21000.00", "21000.25");
        quote(ES, "6000.00", "6000.25");
        ScriptedTrader trader = new ScriptedTrader(sim, List.of(ACC, OTHER_ACC), List.of(MNQ, ES), INTERVAL, seed);
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            trader.step().map(Fill::of).ifPresent(fills::add);
        }
        return fills;
    }

    private void quote(String contractId, String bid, String ask) {
        sim.publishQuote(contractId, SimQuote.of(price(bid), price(bid), price(ask)));
    }
}
