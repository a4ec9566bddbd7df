package io.riskguard.engine;

import io.riskguard.calendar.SessionCalendar;
import io.riskguard.calendar.TradingCalendar;
import io.riskguard.config.Instrument;
import io.riskguard.config.RiskConfig;
import io.riskguard.config.RuleSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RiskConfig} with everything the engine derives from it built once: calendars, root
 * normalisation and RULE-011 patterns. Immutable and safe to share between threads.
 */
public final class CompiledConfig {

    private final RiskConfig config;
    private final TradingCalendar trading;
    private final SessionCalendar session;
    private final Roots roots;
    private final Map<RuleSet, SymbolBlocker> blockers = new IdentityHashMap<>();

    private CompiledConfig(RiskConfig config) {
        this.config = config;
        this.trading = new TradingCalendar(config.timezone(), config.dailyReset());
        this.session = config.session() != null && config.session().enabled()
                ? new SessionCalendar(config.session(), config.timezone())
                : null;
        this.roots = new Roots(config.aliases());
        addBlocker(config.rules());
        config.accountRules().values().forEach(this::addBlocker);
    }

    public static CompiledConfig of(RiskConfig config) {
        return new CompiledConfig(config);
    }

    public RiskConfig raw() {
        return config;
    }

    public int version() {
        return config.version();
    }

    public RuleSet rulesFor(long accountId) {
        return config.rulesFor(accountId);
    }

    public TradingCalendar trading() {
        return trading;
    }

    /** Null when the session block is absent or disabled: no session rules then. */
    public SessionCalendar session() {
        return session;
    }

    public int quoteMaxAgeSeconds() {
        return config.quoteMaxAgeSeconds();
    }

    public String root(String contractId) {
        return roots.of(contractId);
    }

    /** Tick economics of the contract's root, or null when the config has no entry for it. */
    public Instrument instrument(String contractId) {
        return config.instruments().get(root(contractId));
    }

    /** The first RULE-011 pattern of {@code rules} blocking the contract's root, or null. */
    public String blockingPattern(RuleSet rules, String contractId) {
        SymbolBlocker blocker = blockers.get(rules);
        return blocker == null ? null : blocker.firstMatch(root(contractId));
    }

    private void addBlocker(RuleSet rules) {
        List<String> symbols = rules.symbolBlocks() == null ? List.of() : rules.symbolBlocks().symbols();
        blockers.put(rules, new SymbolBlocker(symbols));
    }
}
