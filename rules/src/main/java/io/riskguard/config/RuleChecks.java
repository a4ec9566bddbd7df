package io.riskguard.config;

import static io.riskguard.config.RuleSet.on;

import io.riskguard.config.RuleSet.LossTier;
import java.util.List;

/**
 * Cross-key checks #6–#13 of RULES.md §4.4 over one rule set (the global one, or an account's merged
 * one), in table order. The other key of a message is named by the path where its value was written.
 */
final class RuleChecks {

    private static final String NEEDS_RESET = "needs daily_reset.enabled true (it is false)";

    private final ConfigDocument doc;
    private final RuleSet rules;
    private final Sources sources;

    private RuleChecks(ConfigDocument doc, RulesReader.Read read) {
        this.doc = doc;
        this.rules = read.rules();
        this.sources = read.sources();
    }

    static void check(ConfigDocument doc, RulesReader.Read read) {
        RuleChecks checks = new RuleChecks(doc, read);
        checks.resetNeeded();
        checks.frequencyLimitsAscending();
        checks.lossTiersOrdered();
        checks.tradeManagement();
        checks.perInstrumentWithinTotal();
        checks.unrealizedLossNotBelowDailyLoss();
        checks.unrealizedTargetNotAboveDailyTarget();
        checks.instrumentsPresent();
    }

    /** #6. */
    private void resetNeeded() {
        if (doc.dailyReset().enabled()) {
            return;
        }
        if (on(rules.dailyRealizedLoss())) {
            throw sources.get(RulesReader.DAILY_REALIZED_LOSS + ".enabled").problem(NEEDS_RESET);
        }
        RuleSet.TradeFrequencyLimit frequency = rules.tradeFrequencyLimit();
        if (on(frequency)) {
            String cooldown = RulesReader.TRADE_FREQUENCY_LIMIT + ".cooldown.";
            if (frequency.cooldownPerMinute().isUntilReset()) {
                throw sources.get(cooldown + "per_minute").problem(NEEDS_RESET);
            }
            if (frequency.cooldownPerHour().isUntilReset()) {
                throw sources.get(cooldown + "per_hour").problem(NEEDS_RESET);
            }
            if (frequency.cooldownPerSession().isUntilReset()) {
                throw sources.get(cooldown + "per_session").problem(NEEDS_RESET);
            }
        }
        if (on(rules.cooldownAfterLoss())) {
            List<LossTier> tiers = rules.cooldownAfterLoss().tiers();
            for (int i = 0; i < tiers.size(); i++) {
                if (tiers.get(i).cooldown().isUntilReset()) {
                    throw sources.get(tier(i) + ".cooldown").problem(NEEDS_RESET);
                }
            }
        }
        if (on(rules.dailyRealizedProfit())) {
            throw sources.get(RulesReader.DAILY_REALIZED_PROFIT + ".enabled").problem(NEEDS_RESET);
        }
    }

    /** #7. */
    private void frequencyLimitsAscending() {
        RuleSet.TradeFrequencyLimit frequency = rules.tradeFrequencyLimit();
        if (frequency == null) {
            return;
        }
        String rule = RulesReader.TRADE_FREQUENCY_LIMIT + ".";
        if (frequency.perHour() < frequency.perMinute()) {
            throw sources.get(rule + "per_hour").problem(atLeast(rule + "per_minute", frequency.perMinute()));
        }
        if (frequency.perSession() < frequency.perHour()) {
            throw sources.get(rule + "per_session").problem(atLeast(rule + "per_hour", frequency.perHour()));
        }
    }

    /** #8: the later tier of an equal pair, or the more severe tier of a pair whose cooldown is shorter. */
    private void lossTiersOrdered() {
        if (rules.cooldownAfterLoss() == null) {
            return;
        }
        List<LossTier> tiers = rules.cooldownAfterLoss().tiers();
        for (int i = 1; i < tiers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (tiers.get(i).loss().compareTo(tiers.get(j).loss()) == 0) {
                    throw sources.get(tier(i)).problem("must have a loss different from tiers[" + j + "] ("
                            + tiers.get(j).loss().toPlainString() + ")");
                }
            }
        }
        for (int i = 0; i < tiers.size(); i++) {
            for (int j = 0; j < tiers.size(); j++) {
                LossTier severe = tiers.get(i);
                LossTier milder = tiers.get(j);
                if (severe.loss().compareTo(milder.loss()) < 0 && severe.cooldown().compareLength(milder.cooldown()) < 0) {
                    throw sources.get(tier(i)).problem("must have a cooldown at least as long as tiers[" + j + "] ("
                            + milder.cooldown().text() + ")");
                }
            }
        }
    }

    /** #9. */
    private void tradeManagement() {
        RuleSet.TradeManagement management = rules.tradeManagement();
        if (management == null) {
            return;
        }
        String breakeven = RulesReader.TRADE_MANAGEMENT + ".breakeven.";
        if (management.breakeven() != null
                && management.breakeven().offsetTicks() >= management.breakeven().triggerTicks()) {
            throw sources.get(breakeven + "offset_ticks").problem("must be less than "
                    + sources.get(breakeven + "trigger_ticks").path() + " (" + management.breakeven().triggerTicks() + ")");
        }
        if (management.enabled() && management.breakeven() == null && management.trailing() == null) {
            throw sources.get(RulesReader.TRADE_MANAGEMENT).problem("must have breakeven or trailing");
        }
    }

    /** #10. */
    private void perInstrumentWithinTotal() {
        if (!on(rules.maxContracts()) || !on(rules.maxContractsPerInstrument())) {
            return;
        }
        int limit = rules.maxContracts().limit();
        String atMost = atMost(RulesReader.MAX_CONTRACTS + ".limit", Integer.toString(limit));
        String rule = RulesReader.MAX_CONTRACTS_PER_INSTRUMENT + ".";
        if (rules.maxContractsPerInstrument().defaultLimit() > limit) {
            throw sources.get(rule + "default_limit").problem(atMost);
        }
        for (String root : sources.namesUnder(rule + "limits")) {
            if (rules.maxContractsPerInstrument().limits().get(root) > limit) {
                throw sources.get(rule + "limits." + root).problem(atMost);
            }
        }
    }

    /** #11. */
    private void unrealizedLossNotBelowDailyLoss() {
        if (!on(rules.dailyRealizedLoss()) || !on(rules.dailyUnrealizedLoss())) {
            return;
        }
        var daily = rules.dailyRealizedLoss().limit();
        if (rules.dailyUnrealizedLoss().limit().compareTo(daily) < 0) {
            throw sources.get(RulesReader.DAILY_UNREALIZED_LOSS + ".limit")
                    .problem(atLeast(RulesReader.DAILY_REALIZED_LOSS + ".limit", daily.toPlainString()));
        }
    }

    /** #12. */
    private void unrealizedTargetNotAboveDailyTarget() {
        if (!on(rules.maxUnrealizedProfit()) || !on(rules.dailyRealizedProfit())) {
            return;
        }
        var daily = rules.dailyRealizedProfit().target();
        if (rules.maxUnrealizedProfit().target().compareTo(daily) > 0) {
            throw sources.get(RulesReader.MAX_UNREALIZED_PROFIT + ".target")
                    .problem(atMost(RulesReader.DAILY_REALIZED_PROFIT + ".target", daily.toPlainString()));
        }
    }

    /** #13. */
    private void instrumentsPresent() {
        boolean needed = on(rules.dailyUnrealizedLoss()) || on(rules.maxUnrealizedProfit()) || on(rules.tradeManagement());
        if (needed && doc.instruments().isEmpty()) {
            throw new ConfigProblem("instruments",
                    doc.instrumentsNode() == null ? ConfigProblem.MISSING : doc.instrumentsNode().display(),
                    "must not be empty while RULE-004, RULE-005 or RULE-012 is enabled");
        }
    }

    private String atLeast(String other, Object value) {
        return "must be at least " + sources.get(other).path() + " (" + value + ")";
    }

    private String atMost(String other, Object value) {
        return "must be at most " + sources.get(other).path() + " (" + value + ")";
    }

    private static String tier(int index) {
        return RulesReader.COOLDOWN_AFTER_LOSS + ".tiers[" + index + "]";
    }
}
