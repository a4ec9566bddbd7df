package io.riskguard.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep merge of an account override into the global {@code rules} node (RULES.md §1.11): maps merge
 * per key, recursively; scalars and lists replace. Every value keeps the path where it was written,
 * so a problem found after merging is reported at the override's path when the value came from it.
 * Both inputs must already be key-validated (no duplicate or non-scalar keys).
 */
final class RulesMerger {

    private RulesMerger() {}

    static YamlNode merge(YamlNode base, YamlNode override) {
        if (base == null) {
            return override;
        }
        if (override == null) {
            return base;
        }
        if (!(base instanceof YamlNode.MapNode baseMap) || !(override instanceof YamlNode.MapNode overrideMap)) {
            return override;
        }
        Map<String, YamlNode.Entry> merged = new LinkedHashMap<>();
        for (YamlNode.Entry entry : baseMap.entries()) {
            merged.put(entry.scalarKey().text(), entry);
        }
        for (YamlNode.Entry entry : overrideMap.entries()) {
            merged.merge(entry.scalarKey().text(), entry,
                    (old, over) -> new YamlNode.Entry(over.key(), merge(old.value(), over.value())));
        }
        // the merged block is the override's: defaults inside it are reported under the account
        return new YamlNode.MapNode(overrideMap.path(), merged.values().stream().toList());
    }
}
