package io.riskguard.bench.job;

import io.riskguard.job.operators.Ordering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code mode --key value ...}. */
final class Args {

    final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    options.put(key.substring(0, eq), key.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(key, args[++i]);
                } else {
                    options.put(key, "true");
                }
            } else {
                positional.add(args[i]);
            }
        }
    }

    String s(String key, String def) {
        return options.getOrDefault(key, def);
    }

    int i(String key, int def) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).replace("_", "")) : def;
    }

    long l(String key, long def) {
        return options.containsKey(key) ? Long.parseLong(options.get(key).replace("_", "")) : def;
    }

    double d(String key, double def) {
        return options.containsKey(key) ? Double.parseDouble(options.get(key)) : def;
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(options.getOrDefault(key, "false"));
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    List<String> list(String key, String def) {
        return List.of(s(key, def).split(","));
    }

    Ordering ordering(String key, Ordering def) {
        String v = options.get(key);
        return v == null ? def : Ordering.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
