package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.RuleSet.CountMode;
import io.riskguard.config.RuleSet.Enforcement;
import io.riskguard.config.RuleSet.FrequencyCount;
import io.riskguard.config.RuleSet.UnknownSymbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults of RULES.md §2 and §4.2 for keys that are absent. */
class ConfigDefaultsTest {

    @Test
    void fillsEveryTopLevelDefaultWhenOnlyTheVersionIsGiven() throws ConfigException {
        RiskConfig config = parse("version: 3\n");

        assertThat(config.version()).isEqualTo(3);
        assertThat(config.timezone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(config.dailyReset()).isEqualTo(new DailyResetConfig(true, LocalTime.of(17, 0)));
        assertThat(config.session()).isNull();
        assertThat(config.instruments()).isEmpty();
        assertThat(config.aliases()).isEmpty();
        assertThat(config.quoteMaxAgeSeconds()).isEqualTo(5);
        assertThat(config.rules()).isEqualTo(RuleSet.NONE);
        assertThat(config.accountRules()).isEmpty();
    }

    @Test
    void givesEveryRuleEntryTheDefaultsOfItsTableAndEnablesIt() throws ConfigException {
        RuleSet rules = parse("""
                version: 1
                instruments: { ES: { tick_size: 0.25, tick_value: 12.50 } }
                rules:
                  max_contracts: {}
                  max_contracts_per_instrument: {}
                  daily_realized_loss: {}
                  daily_unrealized_loss: {}
                  max_unrealized_profit: {}
                  trade_frequency_limit: {}
                  cooldown_after_loss: {}
                  no_stop_loss_grace: {}
                  session_block_outside: {}
                  auth_loss_guard: {}
                  symbol_blocks: {}
                  trade_management: { breakeven: {}, trailing: {} }
                  daily_realized_profit: {}
                """).rules();

        assertThat(rules.maxContracts()).isEqualTo(
                new RuleSet.MaxContracts(true, 5, CountMode.NET, Enforcement.REDUCE_TO_LIMIT));
        assertThat(rules.maxContractsPerInstrument()).isEqualTo(
                new RuleSet.MaxContractsPerInstrument(true, 3, Map.of(), UnknownSymbol.DEFAULT));
        assertThat(rules.dailyRealizedLoss()).isEqualTo(
                new RuleSet.DailyRealizedLoss(true, new BigDecimal("-500.00"), false));
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
        assertThat(rules.symbolBlocks()).isEqualTo(new RuleSet.SymbolBlocks(true, List.of()));
        assertThat(rules.tradeManagement()).isEqualTo(new RuleSet.TradeManagement(
                true, new RuleSet.Breakeven(4, 1), new RuleSet.Trailing(8, 4)));
        assertThat(rules.dailyRealizedProfit()).isEqualTo(
                new RuleSet.DailyRealizedProfit(true, new BigDecimal("1000.00")));
    }

    @Test
    void leavesAnAbsentRuleNullAndKeepsADisabledEntry() throws ConfigException {
        RuleSet rules = parse("""
                version: 1
                rules:
                  max_contracts: { enabled: false }
                """).rules();

        assertThat(rules.maxContracts()).isEqualTo(
                new RuleSet.MaxContracts(false, 5, CountMode.NET, Enforcement.REDUCE_TO_LIMIT));
        assertThat(RuleSet.on(rules.maxContracts())).isFalse();
        assertThat(rules.dailyRealizedLoss()).isNull();
    }

    @Test
    void leavesAnAbsentTradeManagementBlockNull() throws ConfigException {
        RuleSet rules = parse("""
                version: 1
                instruments: { ES: { tick_size: 0.25, tick_value: 12.50 } }
                rules:
                  trade_management: { trailing: { trail_ticks: 2 } }
                """).rules();

        assertThat(rules.tradeManagement()).isEqualTo(
                new RuleSet.TradeManagement(true, null, new RuleSet.Trailing(8, 2)));
    }

    @Test
    void givesASessionBlockItsDefaults() throws ConfigException {
        SessionConfig session = parse("""
                version: 1
                session: { start: "08:30", end: "15:00", days: [MON] }
                """).session();

        assertThat(session.enabled()).isTrue();
        assertThat(session.holidays()).isEmpty();
        assertThat(session.earlyClose()).isEmpty();
        assertThat(session.closeGraceSeconds()).isEqualTo(60);
    }

    @Test
    void givesADailyResetBlockItsDefaults() throws ConfigException {
        assertThat(parse("version: 1\ndaily_reset: {}\n").dailyReset())
                .isEqualTo(new DailyResetConfig(true, LocalTime.of(17, 0)));
        assertThat(parse("version: 1\ndaily_reset: { enabled: false }\n").dailyReset())
                .isEqualTo(new DailyResetConfig(false, LocalTime.of(17, 0)));
    }

    @Test
    void acceptsUtcAndMultiPartZoneIds() throws ConfigException {
        assertThat(parse("version: 1\ntimezone: UTC\n").timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(parse("version: 1\ntimezone: America/Argentina/Buenos_Aires\n").timezone())
                .isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
    }

    @Test
    void acceptsRootsThatYamlWouldReadAsOtherTypes() throws ConfigException {
        RiskConfig config = parse("""
                version: 1
                instruments: { "6E": { tick_size: 0.00005, tick_value: 6.25 }, NO: { tick_size: 1, tick_value: 1 } }
                rules:
                  symbol_blocks: { symbols: [NO, 6E, "c?*"] }
                """);

        assertThat(config.instruments()).containsOnlyKeys("6E", "NO");
        assertThat(config.instruments().get("6E").tickSize().toPlainString()).isEqualTo("0.00005");
        assertThat(config.rules().symbolBlocks().symbols()).containsExactly("NO", "6E", "c?*");
    }

    @Test
    void acceptsYamlAnchorsAndAliasesAsPlainValues() throws ConfigException {
        RuleSet rules = parse("""
                version: 1
                rules:
                  daily_realized_loss: { limit: &loss -400.00 }
                  cooldown_after_loss: { tiers: [ { loss: *loss, cooldown: 5m } ] }
                """).rules();

        assertThat(rules.cooldownAfterLoss().tiers().get(0).loss()).isEqualTo(new BigDecimal("-400.00"));
    }
}
