package io.riskguard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** RULE-011's patterns compiled once: {@code *} any run (also empty), {@code ?} exactly one, case-insensitive, whole root. */
final class SymbolBlocker {

    private final List<String> patterns;
    private final List<Pattern> compiled;
    private final Map<String, Optional<String>> byRoot = new ConcurrentHashMap<>();

    SymbolBlocker(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = new ArrayList<>(patterns.size());
        for (String p : patterns) {
            compiled.add(Pattern.compile(toRegex(p), Pattern.CASE_INSENSITIVE));
        }
    }

    /** The first pattern in list order that matches {@code root}, or null. */
    String firstMatch(String root) {
        return byRoot.computeIfAbsent(root, r -> Optional.ofNullable(search(r))).orElse(null);
    }

    private String search(String root) {
        for (int i = 0; i < compiled.size(); i++) {
            if (compiled.get(i).matcher(root).matches()) {
                return patterns.get(i);
            }
        }
        return null;
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
