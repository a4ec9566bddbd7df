package io.riskguard.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code rules} block: one entry per rule, null when the entry is absent (the rule is then
 * disabled). Every entry carries {@code enabled}; a rule runs iff its entry exists and is enabled.
 */
public record RuleSet(
        MaxContracts maxContracts,
        MaxContractsPerInstrument maxContractsPerInstrument,
        DailyRealizedLoss dailyRealizedLoss,
        DailyUnrealizedLoss dailyUnrealizedLoss,
        MaxUnrealizedProfit maxUnrealizedProfit,
        TradeFrequencyLimit tradeFrequencyLimit,
        CooldownAfterLoss cooldownAfterLoss,
        NoStopLossGrace noStopLossGrace,
        SessionBlockOutside sessionBlockOutside,
        AuthLossGuard authLossGuard,
        SymbolBlocks symbolBlocks,
        TradeManagement tradeManagement,
        DailyRealizedProfit dailyRealizedProfit) {

    public static final RuleSet NONE =
            new RuleSet(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public static boolean on(RuleConfig rule) {
        return rule != null && rule.enabled();
    }

    /** Common to every rule entry. */
    public interface RuleConfig {
        boolean enabled();
    }

    public enum CountMode { NET, GROSS }

    public enum Enforcement { REDUCE_TO_LIMIT, CLOSE_POSITION }

    public enum UnknownSymbol { DEFAULT, BLOCK, ALLOW }

    public enum FrequencyCount { ENTRIES, ORDERS, EXECUTIONS }

    /** RULE-001. */
    public record MaxContracts(boolean enabled, int limit, CountMode count, Enforcement enforcement)
            implements RuleConfig {}

    /** RULE-002. {@code limits} is keyed by normalised root. */
    public record MaxContractsPerInstrument(
            boolean enabled, int defaultLimit, Map<String, Integer> limits, UnknownSymbol unknownSymbol)
            implements RuleConfig {
        public MaxContractsPerInstrument {
            limits = Map.copyOf(limits);
        }
    }

    /** RULE-003. */
    public record DailyRealizedLoss(boolean enabled, BigDecimal limit, boolean includeFees) implements RuleConfig {}

    /** RULE-004. */
    public record DailyUnrealizedLoss(boolean enabled, BigDecimal limit) implements RuleConfig {}

    /** RULE-005. */
    public record MaxUnrealizedProfit(boolean enabled, BigDecimal target) implements RuleConfig {}

    /** RULE-006. */
    public record TradeFrequencyLimit(
            boolean enabled,
            FrequencyCount count,
            int perMinute,
            int perHour,
            int perSession,
            LockDuration cooldownPerMinute,
            LockDuration cooldownPerHour,
            LockDuration cooldownPerSession,
            boolean flattenOnBreach) implements RuleConfig {}

    /** RULE-007. Tiers in config order. */
    public record CooldownAfterLoss(boolean enabled, List<LossTier> tiers) implements RuleConfig {
        public CooldownAfterLoss {
            tiers = List.copyOf(tiers);
        }
    }

    public record LossTier(BigDecimal loss, LockDuration cooldown) {}

    /** RULE-008. */
    public record NoStopLossGrace(boolean enabled, int graceSeconds) implements RuleConfig {}

    /** RULE-009: only {@code enabled}; the calendar is the top-level {@code session}. */
    public record SessionBlockOutside(boolean enabled) implements RuleConfig {}

    /** RULE-010. */
    public record AuthLossGuard(boolean enabled) implements RuleConfig {}

    /** RULE-011. Patterns as written, matched case-insensitively against whole roots. */
    public record SymbolBlocks(boolean enabled, List<String> symbols) implements RuleConfig {
        public SymbolBlocks {
            symbols = List.copyOf(symbols);
        }
    }

    /** RULE-012. {@code breakeven} and {@code trailing} are null when their block is absent. */
    public record TradeManagement(boolean enabled, Breakeven breakeven, Trailing trailing) implements RuleConfig {}

    public record Breakeven(int triggerTicks, int offsetTicks) {}

    public record Trailing(int activationTicks, int trailTicks) {}

    /** RULE-013. */
    public record DailyRealizedProfit(boolean enabled, BigDecimal target) implements RuleConfig {}
}
