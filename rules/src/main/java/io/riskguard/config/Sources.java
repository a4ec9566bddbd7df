package io.riskguard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Origins of the values read, by a dotted name relative to the block read ({@code
 * daily_realized_loss.limit}, {@code cooldown_after_loss.tiers[1]}), in reading order. Cross-key
 * checks use it to report the path where a value was written (a global key or an account override).
 */
final class Sources {

    private final Map<String, Source> byName = new LinkedHashMap<>();

    void put(String name, Source source) {
        byName.put(name, source);
    }

    /** Registers a block and each key of its schema. */
    void put(String name, Fields fields) {
        put(name, fields.source());
        for (Schema.Field field : fields.schemaFields()) {
            put(name + "." + field.name(), fields.source(field.name()));
        }
    }

    Source get(String name) {
        Source source = byName.get(name);
        if (source == null) {
            throw new IllegalStateException("no source recorded for " + name);
        }
        return source;
    }

    /** Names directly under {@code prefix + "."} that were registered with {@link #put(String, Source)}, in order. */
    List<String> namesUnder(String prefix) {
        List<String> out = new ArrayList<>();
        for (String name : byName.keySet()) {
            if (name.startsWith(prefix + ".") && name.indexOf('.', prefix.length() + 1) < 0) {
                out.add(name.substring(prefix.length() + 1));
            }
        }
        return out;
    }
}
