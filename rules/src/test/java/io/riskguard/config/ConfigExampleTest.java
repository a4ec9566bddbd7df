package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.contractExample;
import static io.riskguard.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.RuleSet.CountMode;
import io.riskguard.config.RuleSet.Enforcement;
import io.riskguard.config.RuleSet.FrequencyCount;
import io.riskguard.config.RuleSet.UnknownSymbol;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CONTRACT.md §3 example loads into the expected typed values. */
class ConfigExampleTest {

    private static RiskConfig example() throws ConfigException {
        return parse(contractExample());
    }

    @Test
    void readsTheTopLevelValuesOfTheContractExample() throws ConfigException {
        RiskConfig config = example();

        assertThat(config.version()).isEqualTo(7);
        assertThat(config.timezone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(config.dailyReset()).isEqualTo(new DailyResetConfig(true, LocalTime.of(17, 0)));
        assertThat(config.quoteMaxAgeSeconds()).isEqualTo(5);
        assertThat(config.aliases()).isEqualTo(Map.of("EP", "ES", "ENQ", "NQ"));
    }

    @Test
    void readsTheSessionCalendarOfTheContractExample() throws ConfigException {
        SessionConfig session = example().session();

        assertThat(session.enabled()).isTrue();
        assertThat(session.start()).isEqualTo(LocalTime.of(8, 30));
        assertThat(session.end()).isEqualTo(LocalTime.of(15, 0));
        assertThat(session.days()).containsExactlyInAnyOrder(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(session.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
        assertThat(session.earlyClose()).isEqualTo(Map.of(LocalDate.of(2026, 11, 27), LocalTime.of(12, 0)));
        assertThat(session.closeGraceSeconds()).isEqualTo(60);
    }

    @Test
    void readsInstrumentEconomicsAsExactDecimalsWithTheScaleAsWritten() throws ConfigException {
        Map<String, Instrument> instruments = example().instruments();

        assertThat(instruments).hasSize(10)
                .containsKeys("ES", "MES", "NQ", "MNQ", "RTY", "M2K", "YM", "MYM", "CL", "GC");
        assertThat(instruments.get("ES").tickSize()).isEqualTo(new BigDecimal("0.25"));
        assertThat(instruments.get("ES").tickValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(instruments.get("RTY").tickSize()).isEqualTo(new BigDecimal("0.10"));
        assertThat(instruments.get("CL").tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(instruments.get("YM").tickSize().toPlainString()).isEqualTo("1.00");
    }

    @Test
    void readsEveryRuleOfTheContractExample() throws ConfigException {
        RuleSet rules = example().rules();

        assertThat(rules.maxContracts()).isEqualTo(
                new RuleSet.MaxContracts(true, 5, CountMode.NET, Enforcement.REDUCE_TO_LIMIT));
        assertThat(rules.maxContractsPerInstrument()).isEqualTo(new RuleSet.MaxContractsPerInstrument(
                true, 3, Map.of("MNQ", 2, "ES", 1), UnknownSymbol.DEFAULT));
        assertThat(rules.dailyRealizedLoss()).isEqualTo(
                new RuleSet.DailyRealizedLoss(true, new BigDecimal("-500.00"), false));
        assertThat(rules.dailyRealizedLoss().limit().toPlainString()).isEqualTo("-500.00");
        assertThat(rules.dailyUnrealizedLoss()).isEqualTo(
                new RuleSet.DailyUnrealizedLoss(true, new BigDecimal("-300.00")));
        assertThat(rules.maxUnrealizedProfit()).isEqualTo(
                new RuleSet.MaxUnrealizedProfit(true, new BigDecimal("500.00")));
        assertThat(rules.tradeFrequencyLimit()).isEqualTo(new RuleSet.TradeFrequencyLimit(
                true, FrequencyCount.ENTRIES, 3, 10, 50,
                LockDuration.of(Duration.ofSeconds(60), "60s"),
                LockDuration.of(Duration.ofMinutes(30), "30m"),
                LockDuration.untilReset(),
                false));
        assertThat(rules.cooldownAfterLoss()).isEqualTo(new RuleSet.CooldownAfterLoss(true, List.of(
                new RuleSet.LossTier(new BigDecimal("-100.00"), LockDuration.of(Duration.ofMinutes(5), "5m")),
                new RuleSet.LossTier(new BigDecimal("-200.00"), LockDuration.of(Duration.ofMinutes(15), "15m")))));
        assertThat(rules.noStopLossGrace()).isEqualTo(new RuleSet.NoStopLossGrace(true, 30));
        assertThat(rules.sessionBlockOutside()).isEqualTo(new RuleSet.SessionBlockOutside(true));
        assertThat(rules.authLossGuard()).isEqualTo(new RuleSet.AuthLossGuard(true));
        assertThat(rules.symbolBlocks()).isEqualTo(new RuleSet.SymbolBlocks(false, List.of("RTY", "CL*")));
        assertThat(rules.tradeManagement()).isEqualTo(new RuleSet.TradeManagement(
                false, new RuleSet.Breakeven(4, 1), new RuleSet.Trailing(8, 4)));
        assertThat(rules.dailyRealizedProfit()).isEqualTo(
                new RuleSet.DailyRealizedProfit(false, new BigDecimal("1000.00")));
    }

    @Test
    void mergesTheOverrideOfAccount1001IntoTheGlobalRules() throws ConfigException {
        RiskConfig config = example();
        RuleSet account = config.rulesFor(1001);

        assertThat(config.accountRules()).containsOnlyKeys(1001L);
        assertThat(account.dailyRealizedLoss()).isEqualTo(
                new RuleSet.DailyRealizedLoss(true, new BigDecimal("-300.00"), false));
        assertThat(account.dailyRealizedLoss().limit().toPlainString()).isEqualTo("-300.00");
        RuleSet global = config.rules();
        assertThat(account).isEqualTo(new RuleSet(
                global.maxContracts(), global.maxContractsPerInstrument(), account.dailyRealizedLoss(),
                global.dailyUnrealizedLoss(), global.maxUnrealizedProfit(), global.tradeFrequencyLimit(),
                global.cooldownAfterLoss(), global.noStopLossGrace(), global.sessionBlockOutside(),
                global.authLossGuard(), global.symbolBlocks(), global.tradeManagement(), global.dailyRealizedProfit()));
    }

    @Test
    void givesAnAccountWithoutOverrideTheGlobalRules() throws ConfigException {
        RiskConfig config = example();

        assertThat(config.rulesFor(2002)).isSameAs(config.rules());
    }

    @Test
    void keepsTheScaleOfADecimalAsWritten() throws ConfigException {
        RiskConfig config = parse("""
                version: 1
                rules:
                  daily_realized_loss: { limit: -500 }
                  daily_realized_profit: { target: 1000.5 }
                """);

        assertThat(config.rules().dailyRealizedLoss().limit().toPlainString()).isEqualTo("-500");
        assertThat(config.rules().dailyRealizedProfit().target().toPlainString()).isEqualTo("1000.5");
    }
}
