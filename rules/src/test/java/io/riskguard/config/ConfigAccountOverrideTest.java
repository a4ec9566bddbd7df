package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.PREFIX;
import static io.riskguard.config.ConfigFixtures.parse;
import static io.riskguard.config.ConfigFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-account overrides: deep merge (RULES.md §1.11) and where their errors are reported (§4.1). */
class ConfigAccountOverrideTest {

    private static final String GLOBAL = """
            version: 1
            instruments: { ES: { tick_size: 0.25, tick_value: 12.50 } }
            rules:
              max_contracts_per_instrument: { default_limit: 3, limits: { MNQ: 2, ES: 1 } }
              daily_realized_loss: { limit: -500.00 }
              daily_unrealized_loss: { limit: -300.00 }
              cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m }, { loss: -200.00, cooldown: 15m } ] }
              symbol_blocks: { symbols: [RTY, "CL*"] }
              trade_management: { enabled: false, breakeven: { trigger_ticks: 4, offset_ticks: 1 } }
            """;

    private static String withAccounts(String accounts) {
        return GLOBAL + "accounts:\n" + accounts;
    }

    @Test
    void mergesMapsPerKeyAndReplacesScalarsAndLists() throws ConfigException {
        RiskConfig config = parse(withAccounts("""
                  "1001":
                    rules:
                      max_contracts_per_instrument: { limits: { ES: 0, RTY: 1 } }
                      cooldown_after_loss: { tiers: [ { loss: -50.00, cooldown: 1h } ] }
                      symbol_blocks: { symbols: [GC] }
                      trade_management: { breakeven: { offset_ticks: 2 } }
                """));
        RuleSet account = config.rulesFor(1001);

        assertThat(account.maxContractsPerInstrument().defaultLimit()).isEqualTo(3);
        assertThat(account.maxContractsPerInstrument().limits()).isEqualTo(Map.of("MNQ", 2, "ES", 0, "RTY", 1));
        assertThat(account.cooldownAfterLoss().tiers()).containsExactly(
                new RuleSet.LossTier(new BigDecimal("-50.00"), LockDuration.of(Duration.ofHours(1), "1h")));
        assertThat(account.symbolBlocks().symbols()).containsExactly("GC");
        assertThat(account.tradeManagement()).isEqualTo(
                new RuleSet.TradeManagement(false, new RuleSet.Breakeven(4, 2), null));
        assertThat(account.dailyRealizedLoss()).isEqualTo(config.rules().dailyRealizedLoss());
        assertThat(config.rules().maxContractsPerInstrument().limits()).isEqualTo(Map.of("MNQ", 2, "ES", 1));
    }

    @Test
    void holdsTheFullMergedRuleSetOfEveryListedAccount() throws ConfigException {
        RiskConfig config = parse(withAccounts("""
                  1001: { rules: { auth_loss_guard: {} } }
                  "2002": {}
                  3003: { rules: {} }
                """));

        assertThat(config.accountRules()).containsOnlyKeys(1001L, 2002L, 3003L);
        assertThat(config.rulesFor(1001).authLossGuard()).isEqualTo(new RuleSet.AuthLossGuard(true));
        assertThat(config.rulesFor(1001).dailyRealizedLoss()).isEqualTo(config.rules().dailyRealizedLoss());
        assertThat(config.rulesFor(2002)).isEqualTo(config.rules());
        assertThat(config.rulesFor(3003)).isEqualTo(config.rules());
        assertThat(config.rules().authLossGuard()).isNull();
    }

    @Test
    void enablesForOneAccountARuleThatIsAbsentGlobally() throws ConfigException {
        RiskConfig config = parse("""
                version: 1
                accounts: { "1001": { rules: { daily_realized_profit: { target: 750 } } } }
                """);

        assertThat(config.rules().dailyRealizedProfit()).isNull();
        assertThat(config.rulesFor(1001).dailyRealizedProfit())
                .isEqualTo(new RuleSet.DailyRealizedProfit(true, new BigDecimal("750")));
        assertThat(config.rulesFor(1001).tradeFrequencyLimit()).isNull();
    }

    @Test
    void rejectsABadOverrideValueAtTheOverridesPath() {
        assertThat(rejection(withAccounts("  \"1001\": { rules: { daily_realized_loss: { limit: 300.00 } } }\n")))
                .isEqualTo(PREFIX + "accounts.\"1001\".rules.daily_realized_loss.limit: 300.00: must be a decimal < 0");
    }

    @Test
    void rejectsAnUnknownKeyInsideAnAccountsRules() {
        assertThat(rejection(withAccounts("  \"1001\": { rules: { daily_realized_loss: { limt: -300 } } }\n")))
                .isEqualTo(PREFIX + "accounts.\"1001\".rules.daily_realized_loss.limt: limt: unknown key"
                        + " (allowed: enabled, limit, include_fees)");
    }

    @Test
    void reportsAMergedErrorAtTheOverridesPathWhenTheValueComesFromTheOverride() {
        assertThat(rejection(withAccounts("  \"1001\": { rules: { daily_unrealized_loss: { limit: -600.00 } } }\n")))
                .isEqualTo(PREFIX + "accounts.\"1001\".rules.daily_unrealized_loss.limit: -600.00: must be at least"
                        + " rules.daily_realized_loss.limit (-500.00)");
    }

    @Test
    void reportsAMergedErrorAtTheGlobalPathWhenTheValueComesFromTheGlobalRules() {
        assertThat(rejection(withAccounts("  \"1001\": { rules: { daily_realized_loss: { limit: -200.00 } } }\n")))
                .isEqualTo(PREFIX + "rules.daily_unrealized_loss.limit: -300.00: must be at least"
                        + " accounts.\"1001\".rules.daily_realized_loss.limit (-200.00)");
    }

    @Test
    void reportsAMergedBreakevenOffsetAgainstTheGlobalTrigger() {
        assertThat(rejection(withAccounts(
                        "  \"1001\": { rules: { trade_management: { breakeven: { offset_ticks: 4 } } } }\n")))
                .isEqualTo(PREFIX + "accounts.\"1001\".rules.trade_management.breakeven.offset_ticks: 4:"
                        + " must be less than rules.trade_management.breakeven.trigger_ticks (4)");
    }

    @Test
    void reportsARuleEnabledOnlyByAnOverrideThatNeedsTheDailyReset() {
        String yaml = """
                version: 1
                daily_reset: { enabled: false }
                accounts: { "1001": { rules: { daily_realized_profit: { target: 750 } } } }
                """;

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "accounts.\"1001\".rules.daily_realized_profit.enabled:"
                + " <missing>: needs daily_reset.enabled true (it is false)");
    }

    @Test
    void reportsAnOverrideLimitsKeyThatIsAnAliasKey() {
        String yaml = GLOBAL + "aliases: { EP: ES }\naccounts:\n  \"1001\": { rules: { max_contracts_per_instrument: { limits: { EP: 1 } } } }\n";

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "accounts.\"1001\".rules.max_contracts_per_instrument.limits.EP:"
                + " EP: must not be an alias key (aliases.EP -> ES)");
    }

    @Test
    void checksTheGlobalConfigBeforeAnyAccount() {
        String yaml = GLOBAL.replace("limit: -300.00", "limit: -700.00")
                + "accounts:\n  \"1001\": { rules: { daily_unrealized_loss: { limit: -300.00 }, daily_realized_loss: { limit: -100 } } }\n";

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "rules.daily_unrealized_loss.limit: -700.00: must be at least"
                + " rules.daily_realized_loss.limit (-500.00)");
    }

    @Test
    void checksMergedAccountsInDocumentOrder() {
        assertThat(rejection(withAccounts("""
                  "2002": { rules: { daily_unrealized_loss: { limit: -650 } } }
                  "1001": { rules: { daily_unrealized_loss: { limit: -600 } } }
                """)))
                .isEqualTo(PREFIX + "accounts.\"2002\".rules.daily_unrealized_loss.limit: -650: must be at least"
                        + " rules.daily_realized_loss.limit (-500.00)");
    }

    @Test
    void validatesAnOverridesKeysWhereTheyAppearInTheDocument() {
        String yaml = """
                version: 1
                accounts: { "1001": { rules: { max_contracts: { limit: 0 } } } }
                quotes: { max_age_seconds: 0 }
                """;

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "accounts.\"1001\".rules.max_contracts.limit: 0:"
                + " must be an integer >= 1");
    }

    @Test
    void keepsTheGlobalTiersWhenAnOverrideOnlyDisablesTheRule() throws ConfigException {
        RiskConfig config = parse(withAccounts(
                "  \"1001\": { rules: { cooldown_after_loss: { enabled: false } } }\n"));

        assertThat(config.rulesFor(1001).cooldownAfterLoss().enabled()).isFalse();
        assertThat(config.rulesFor(1001).cooldownAfterLoss().tiers()).isEqualTo(List.copyOf(
                config.rules().cooldownAfterLoss().tiers()));
    }
}
