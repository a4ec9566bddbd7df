package io.riskguard.config;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Walks the entries of a YAML map in document order: each key is checked and normalised by {@code
 * keys}, a repeated normalised key is a duplicate, then {@code each} handles the entry. So the first
 * problem in document order is the one thrown.
 */
final class MapWalker {

    private MapWalker() {}

    static <K> void walk(YamlNode node, Function<YamlNode.Scalar, K> keys, BiConsumer<K, YamlNode.Entry> each) {
        if (!(node instanceof YamlNode.MapNode map)) {
            throw node.problem("must be a map");
        }
        Set<K> seen = new HashSet<>();
        for (YamlNode.Entry entry : map.entries()) {
            if (!(entry.key() instanceof YamlNode.Scalar scalar)) {
                String where = map.path().isEmpty() ? "(top level)" : map.path();
                throw new ConfigProblem(where, entry.key().display(), "keys must be scalars");
            }
            K key = keys.apply(scalar);
            if (!seen.add(key)) {
                throw scalar.problem("duplicate key");
            }
            each.accept(key, entry);
        }
    }
}
