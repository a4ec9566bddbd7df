package io.riskguard.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of one YAML map read against a {@link Schema}: every present key validated in document
 * order, then the required keys checked. Absent keys fall back to defaults given by the caller.
 */
final class Fields {

    private final String path;
    private final boolean present;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, YamlNode> nodes = new HashMap<>();
    private final Schema schema;

    private Fields(String path, boolean present, Schema schema) {
        this.path = path;
        this.present = present;
        this.schema = schema;
    }

    static Fields read(YamlNode node, Schema schema) {
        Fields fields = new Fields(node.path(), true, schema);
        MapWalker.walk(node, schema::known, (name, entry) -> {
            fields.nodes.put(name, entry.value());
            fields.values.put(name, schema.field(name).reader().apply(entry.value()));
        });
        for (Schema.Field field : schema.fields()) {
            if (field.required() && !fields.nodes.containsKey(field.name())) {
                throw new ConfigProblem(ConfigPath.child(fields.path, field.name()), ConfigProblem.MISSING, "is required");
            }
        }
        return fields;
    }

    /** An absent block whose keys all take their defaults; {@code path} is where it would be. */
    static Fields absent(String path, Schema schema) {
        return new Fields(path, false, schema);
    }

    String path() {
        return path;
    }

    /** The node of a present key, null when absent. */
    YamlNode node(String name) {
        return nodes.get(name);
    }

    boolean has(String name) {
        return nodes.containsKey(name);
    }

    @SuppressWarnings("unchecked")
    <T> T get(String name, T fallback) {
        return nodes.containsKey(name) ? (T) values.get(name) : fallback;
    }

    /** Where the block is and how it shows in messages. */
    Source source() {
        return new Source(path, present ? "<map>" : ConfigProblem.MISSING);
    }

    /** Where a key's value is (or would be) and how it shows: as written, or {@code <missing>}. */
    Source source(String name) {
        YamlNode node = nodes.get(name);
        return node != null ? Source.of(node) : new Source(ConfigPath.child(path, name), ConfigProblem.MISSING);
    }

    Iterable<Schema.Field> schemaFields() {
        return schema.fields();
    }
}
