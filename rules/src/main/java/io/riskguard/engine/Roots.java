package io.riskguard.engine;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalised symbol roots (RULES.md §1.2): the fourth dot-separated token of a contract id,
 * upper-cased, then mapped once through {@code aliases}. Memoised: a job sees few contracts.
 */
final class Roots {

    private final Map<String, String> aliases;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Roots(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    String of(String contractId) {
        return cache.computeIfAbsent(contractId, this::compute);
    }

    private String compute(String contractId) {
        String[] tokens = contractId.split("\\.", -1);
        if (tokens.length < 4) {
            throw new IllegalArgumentException("malformed contractId " + contractId);
        }
        String raw = tokens[3].toUpperCase(Locale.ROOT);
        return aliases.getOrDefault(raw, raw);
    }
}
