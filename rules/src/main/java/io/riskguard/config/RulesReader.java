package io.riskguard.config;

import io.riskguard.config.RuleSet.Breakeven;
import io.riskguard.config.RuleSet.CountMode;
import io.riskguard.config.RuleSet.Enforcement;
import io.riskguard.config.RuleSet.FrequencyCount;
import io.riskguard.config.RuleSet.LossTier;
import io.riskguard.config.RuleSet.Trailing;
import io.riskguard.config.RuleSet.UnknownSymbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code rules} block (RULES.md §2 key tables) into a {@link RuleSet}, applying the defaults of
 * the tables, and records where every value came from. One instance reads one block.
 */
final class RulesReader {

    static final String MAX_CONTRACTS = "max_contracts";
    static final String MAX_CONTRACTS_PER_INSTRUMENT = "max_contracts_per_instrument";
    static final String DAILY_REALIZED_LOSS = "daily_realized_loss";
    static final String DAILY_UNREALIZED_LOSS = "daily_unrealized_loss";
    static final String MAX_UNREALIZED_PROFIT = "max_unrealized_profit";
    static final String TRADE_FREQUENCY_LIMIT = "trade_frequency_limit";
    static final String COOLDOWN_AFTER_LOSS = "cooldown_after_loss";
    static final String NO_STOP_LOSS_GRACE = "no_stop_loss_grace";
    static final String SESSION_BLOCK_OUTSIDE = "session_block_outside";
    static final String AUTH_LOSS_GUARD = "auth_loss_guard";
    static final String SYMBOL_BLOCKS = "symbol_blocks";
    static final String TRADE_MANAGEMENT = "trade_management";
    static final String DAILY_REALIZED_PROFIT = "daily_realized_profit";

    static final List<LossTier> DEFAULT_TIERS = List.of(
            new LossTier(new BigDecimal("-100.00"), LockDuration.of(Duration.ofMinutes(5), "5m")),
            new LossTier(new BigDecimal("-200.00"), LockDuration.of(Duration.ofMinutes(15), "15m")));

    private static final int MAX_TIERS = 10;

    /** A rule set read from YAML and the origin of each of its values. */
    record Read(RuleSet rules, Sources sources) {}

    private final Sources sources = new Sources();

    /** Reads {@code node} (null: no {@code rules} block, every rule disabled). */
    static Read read(YamlNode node) {
        RulesReader reader = new RulesReader();
        RuleSet rules = node == null ? RuleSet.NONE : reader.readRules(node);
        return new Read(rules, reader.sources);
    }

    private RuleSet readRules(YamlNode node) {
        Fields rules = Fields.read(node, new Schema()
                .optional(MAX_CONTRACTS, this::maxContracts)
                .optional(MAX_CONTRACTS_PER_INSTRUMENT, this::maxContractsPerInstrument)
                .optional(DAILY_REALIZED_LOSS, this::dailyRealizedLoss)
                .optional(DAILY_UNREALIZED_LOSS, this::dailyUnrealizedLoss)
                .optional(MAX_UNREALIZED_PROFIT, this::maxUnrealizedProfit)
                .optional(TRADE_FREQUENCY_LIMIT, this::tradeFrequencyLimit)
                .optional(COOLDOWN_AFTER_LOSS, this::cooldownAfterLoss)
                .optional(NO_STOP_LOSS_GRACE, this::noStopLossGrace)
                .optional(SESSION_BLOCK_OUTSIDE, this::sessionBlockOutside)
                .optional(AUTH_LOSS_GUARD, this::authLossGuard)
                .optional(SYMBOL_BLOCKS, this::symbolBlocks)
                .optional(TRADE_MANAGEMENT, this::tradeManagement)
                .optional(DAILY_REALIZED_PROFIT, this::dailyRealizedProfit));
        return new RuleSet(
                rules.get(MAX_CONTRACTS, null),
                rules.get(MAX_CONTRACTS_PER_INSTRUMENT, null),
                rules.get(DAILY_REALIZED_LOSS, null),
                rules.get(DAILY_UNREALIZED_LOSS, null),
                rules.get(MAX_UNREALIZED_PROFIT, null),
                rules.get(TRADE_FREQUENCY_LIMIT, null),
                rules.get(COOLDOWN_AFTER_LOSS, null),
                rules.get(NO_STOP_LOSS_GRACE, null),
                rules.get(SESSION_BLOCK_OUTSIDE, null),
                rules.get(AUTH_LOSS_GUARD, null),
                rules.get(SYMBOL_BLOCKS, null),
                rules.get(TRADE_MANAGEMENT, null),
                rules.get(DAILY_REALIZED_PROFIT, null));
    }

    /** A rule entry: {@code enabled} (default true) plus the rule's own keys. */
    private Fields entry(YamlNode node, String rule, Schema keys) {
        Schema schema = new Schema().optional("enabled", Scalars::bool);
        for (Schema.Field field : keys.fields()) {
            schema.optional(field.name(), field.reader());
        }
        Fields fields = Fields.read(node, schema);
        sources.put(rule, fields);
        return fields;
    }

    private static boolean enabled(Fields entry) {
        return entry.get("enabled", true);
    }

    private RuleSet.MaxContracts maxContracts(YamlNode node) {
        Fields f = entry(node, MAX_CONTRACTS, new Schema()
                .optional("limit", Scalars.integerAtLeast(1))
                .optional("count", Scalars.lowerCaseEnum(CountMode.values()))
                .optional("enforcement", Scalars.lowerCaseEnum(Enforcement.values())));
        return new RuleSet.MaxContracts(enabled(f), f.get("limit", 5), f.get("count", CountMode.NET),
                f.get("enforcement", Enforcement.REDUCE_TO_LIMIT));
    }

    private RuleSet.MaxContractsPerInstrument maxContractsPerInstrument(YamlNode node) {
        Fields f = entry(node, MAX_CONTRACTS_PER_INSTRUMENT, new Schema()
                .optional("default_limit", Scalars.integerAtLeast(0))
                .optional("limits", this::limits)
                .optional("unknown_symbol", Scalars.lowerCaseEnum(UnknownSymbol.values())));
        return new RuleSet.MaxContractsPerInstrument(enabled(f), f.get("default_limit", 3),
                f.get("limits", Map.<String, Integer>of()), f.get("unknown_symbol", UnknownSymbol.DEFAULT));
    }

    private Map<String, Integer> limits(YamlNode node) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        MapWalker.walk(node, Scalars::root, (root, entry) -> {
            limits.put(root, Scalars.integerAtLeast(0).apply(entry.value()));
            sources.put(MAX_CONTRACTS_PER_INSTRUMENT + ".limits." + root, Source.of(entry.value()));
        });
        return limits;
    }

    private RuleSet.DailyRealizedLoss dailyRealizedLoss(YamlNode node) {
        Fields f = entry(node, DAILY_REALIZED_LOSS, new Schema()
                .optional("limit", Scalars::negativeDecimal)
                .optional("include_fees", Scalars::bool));
        return new RuleSet.DailyRealizedLoss(enabled(f), f.get("limit", new BigDecimal("-500.00")),
                f.get("include_fees", false));
    }

    private RuleSet.DailyUnrealizedLoss dailyUnrealizedLoss(YamlNode node) {
        Fields f = entry(node, DAILY_UNREALIZED_LOSS, new Schema().optional("limit", Scalars::negativeDecimal));
        return new RuleSet.DailyUnrealizedLoss(enabled(f), f.get("limit", new BigDecimal("-300.00")));
    }

    private RuleSet.MaxUnrealizedProfit maxUnrealizedProfit(YamlNode node) {
        Fields f = entry(node, MAX_UNREALIZED_PROFIT, new Schema().optional("target", Scalars::positiveDecimal));
        return new RuleSet.MaxUnrealizedProfit(enabled(f), f.get("target", new BigDecimal("500.00")));
    }

    private static Schema cooldownSchema() {
        return new Schema()
                .optional("per_minute", Scalars::duration)
                .optional("per_hour", Scalars::duration)
                .optional("per_session", Scalars::duration);
    }

    private RuleSet.TradeFrequencyLimit tradeFrequencyLimit(YamlNode node) {
        Fields f = entry(node, TRADE_FREQUENCY_LIMIT, new Schema()
                .optional("count", Scalars.lowerCaseEnum(FrequencyCount.values()))
                .optional("per_minute", Scalars.integerAtLeast(1))
                .optional("per_hour", Scalars.integerAtLeast(1))
                .optional("per_session", Scalars.integerAtLeast(1))
                .optional("cooldown", n -> Fields.read(n, cooldownSchema()))
                .optional("flatten_on_breach", Scalars::bool));
        Fields cooldown = f.has("cooldown")
                ? f.get("cooldown", null)
                : Fields.absent(ConfigPath.child(f.path(), "cooldown"), cooldownSchema());
        sources.put(TRADE_FREQUENCY_LIMIT + ".cooldown", cooldown);
        return new RuleSet.TradeFrequencyLimit(
                enabled(f),
                f.get("count", FrequencyCount.ENTRIES),
                f.get("per_minute", 3),
                f.get("per_hour", 10),
                f.get("per_session", 50),
                cooldown.get("per_minute", LockDuration.of(Duration.ofSeconds(60), "60s")),
                cooldown.get("per_hour", LockDuration.of(Duration.ofMinutes(30), "30m")),
                cooldown.get("per_session", LockDuration.untilReset()),
                f.get("flatten_on_breach", false));
    }

    private RuleSet.CooldownAfterLoss cooldownAfterLoss(YamlNode node) {
        Fields f = entry(node, COOLDOWN_AFTER_LOSS, new Schema().optional("tiers", this::tiers));
        return new RuleSet.CooldownAfterLoss(enabled(f), f.get("tiers", DEFAULT_TIERS));
    }

    private List<LossTier> tiers(YamlNode node) {
        String allowed = "must be a list of 1 to " + MAX_TIERS + " tiers";
        if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty() || list.items().size() > MAX_TIERS) {
            throw node.problem(allowed);
        }
        List<LossTier> tiers = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Fields tier = Fields.read(list.items().get(i), new Schema()
                    .required("loss", Scalars::negativeDecimal)
                    .required("cooldown", Scalars::duration));
            sources.put(COOLDOWN_AFTER_LOSS + ".tiers[" + i + "]", tier);
            tiers.add(new LossTier(tier.get("loss", null), tier.get("cooldown", null)));
        }
        return tiers;
    }

    private RuleSet.NoStopLossGrace noStopLossGrace(YamlNode node) {
        Fields f = entry(node, NO_STOP_LOSS_GRACE, new Schema().optional("grace_seconds", Scalars.integer(1, 3600)));
        return new RuleSet.NoStopLossGrace(enabled(f), f.get("grace_seconds", 30));
    }

    private RuleSet.SessionBlockOutside sessionBlockOutside(YamlNode node) {
        return new RuleSet.SessionBlockOutside(enabled(entry(node, SESSION_BLOCK_OUTSIDE, new Schema())));
    }

    private RuleSet.AuthLossGuard authLossGuard(YamlNode node) {
        return new RuleSet.AuthLossGuard(enabled(entry(node, AUTH_LOSS_GUARD, new Schema())));
    }

    private RuleSet.SymbolBlocks symbolBlocks(YamlNode node) {
        Fields f = entry(node, SYMBOL_BLOCKS, new Schema().optional("symbols", RulesReader::symbols));
        return new RuleSet.SymbolBlocks(enabled(f), f.get("symbols", List.<String>of()));
    }

    private static List<String> symbols(YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list)) {
            throw node.problem("must be a list");
        }
        List<String> symbols = new ArrayList<>();
        for (YamlNode item : list.items()) {
            symbols.add(Scalars.symbolPattern(item));
        }
        return symbols;
    }

    private RuleSet.TradeManagement tradeManagement(YamlNode node) {
        Fields f = entry(node, TRADE_MANAGEMENT, new Schema()
                .optional("breakeven", n -> Fields.read(n, new Schema()
                        .optional("trigger_ticks", Scalars.integerAtLeast(1))
                        .optional("offset_ticks", Scalars.integerAtLeast(0))))
                .optional("trailing", n -> Fields.read(n, new Schema()
                        .optional("activation_ticks", Scalars.integerAtLeast(1))
                        .optional("trail_ticks", Scalars.integerAtLeast(1)))));
        Breakeven breakeven = null;
        if (f.has("breakeven")) {
            Fields b = f.get("breakeven", null);
            sources.put(TRADE_MANAGEMENT + ".breakeven", b);
            breakeven = new Breakeven(b.get("trigger_ticks", 4), b.get("offset_ticks", 1));
        }
        Trailing trailing = null;
        if (f.has("trailing")) {
            Fields t = f.get("trailing", null);
            sources.put(TRADE_MANAGEMENT + ".trailing", t);
            trailing = new Trailing(t.get("activation_ticks", 8), t.get("trail_ticks", 4));
        }
        return new RuleSet.TradeManagement(enabled(f), breakeven, trailing);
    }

    private RuleSet.DailyRealizedProfit dailyRealizedProfit(YamlNode node) {
        Fields f = entry(node, DAILY_REALIZED_PROFIT, new Schema().optional("target", Scalars::positiveDecimal));
        return new RuleSet.DailyRealizedProfit(enabled(f), f.get("target", new BigDecimal("1000.00")));
    }
}
