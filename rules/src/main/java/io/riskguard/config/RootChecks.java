package io.riskguard.config;

import java.util.Map;

/** Cross-key checks #4 and #5 of RULES.md §4.4: aliases map broker roots once, onto non-alias roots. */
final class RootChecks {

    private static final String LIMITS = RulesReader.MAX_CONTRACTS_PER_INSTRUMENT + ".limits";

    private RootChecks() {}

    static void check(ConfigDocument doc, RulesReader.Read rules) {
        Map<String, String> aliases = doc.aliases();
        // #4
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            Source source = doc.sources().get("aliases." + alias.getKey());
            if (alias.getKey().equals(alias.getValue())) {
                throw source.problem("must differ from its key");
            }
            if (aliases.containsKey(alias.getValue())) {
                throw source.problem("must not itself be an alias key");
            }
        }
        // #5
        for (String root : doc.instruments().keySet()) {
            rejectAliasKey(aliases, root, doc.sources().get("instruments." + root));
        }
        if (rules.rules().maxContractsPerInstrument() != null) {
            for (String root : rules.sources().namesUnder(LIMITS)) {
                rejectAliasKey(aliases, root, rules.sources().get(LIMITS + "." + root));
            }
        }
    }

    private static void rejectAliasKey(Map<String, String> aliases, String root, Source source) {
        if (aliases.containsKey(root)) {
            throw new ConfigProblem(source.path(), root, "must not be an alias key ("
                    + ConfigPath.child("aliases", root) + " -> " + aliases.get(root) + ")");
        }
    }
}
