package io.riskguard.config;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The whole validated configuration (CONTRACT.md §3), immutable. Per-account overrides are already
 * deep-merged into {@link #accountRules()}; {@link #rulesFor(long)} picks the set for an account.
 *
 * @param session null when the {@code session} block is absent
 * @param instruments economics by normalised root
 * @param aliases broker root to normalised root ({@code EP -> ES})
 * @param accountRules merged rule set of every account that has an override
 */
public record RiskConfig(
        int version,
        ZoneId timezone,
        DailyResetConfig dailyReset,
        SessionConfig session,
        Map<String, Instrument> instruments,
        Map<String, String> aliases,
        int quoteMaxAgeSeconds,
        RuleSet rules,
        Map<Long, RuleSet> accountRules) {

    public RiskConfig {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(dailyReset, "dailyReset");
        instruments = Map.copyOf(instruments);
        aliases = Map.copyOf(aliases);
        Objects.requireNonNull(rules, "rules");
        accountRules = Map.copyOf(accountRules);
    }

    public RuleSet rulesFor(long accountId) {
        return accountRules.getOrDefault(accountId, rules);
    }
}
