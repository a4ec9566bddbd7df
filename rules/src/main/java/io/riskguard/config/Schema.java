package io.riskguard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The known keys of one YAML map, in the spec's order, each with its value reader. */
final class Schema {

    record Field(String name, Function<YamlNode, ?> reader, boolean required) {}

    private final Map<String, Field> fields = new LinkedHashMap<>();

    Schema optional(String name, Function<YamlNode, ?> reader) {
        fields.put(name, new Field(name, reader, false));
        return this;
    }

    Schema required(String name, Function<YamlNode, ?> reader) {
        fields.put(name, new Field(name, reader, true));
        return this;
    }

    List<Field> fields() {
        return new ArrayList<>(fields.values());
    }

    /** The key itself when known, else the {@code unknown key} problem at the key. */
    String known(YamlNode.Scalar key) {
        if (!fields.containsKey(key.text())) {
            throw key.problem("unknown key (allowed: " + String.join(", ", fields.keySet()) + ")");
        }
        return key.text();
    }

    Field field(String name) {
        return fields.get(name);
    }
}
