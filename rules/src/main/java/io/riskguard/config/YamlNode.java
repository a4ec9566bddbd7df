package io.riskguard.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of the composed YAML tree together with its key path. Children are wrapped lazily, so
 * recursive anchors are only followed as deep as validation descends.
 */
abstract sealed class YamlNode permits YamlNode.Scalar, YamlNode.MapNode, YamlNode.ListNode {

    private final String path;

    private YamlNode(String path) {
        this.path = path;
    }

    static YamlNode of(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return new Scalar(path, scalar);
        }
        if (node instanceof MappingNode mapping) {
            return new MapNode(path, mapping);
        }
        if (node instanceof SequenceNode sequence) {
            return new ListNode(path, sequence);
        }
        throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
    }

    final String path() {
        return path;
    }

    /** How the value appears in messages: the literal text, {@code null}, {@code <map>} or {@code <list>}. */
    abstract String display();

    final ConfigProblem problem(String allowed) {
        return new ConfigProblem(path, display(), allowed);
    }

    /** A scalar with its literal text, resolved YAML 1.1 tag and style. */
    static final class Scalar extends YamlNode {
        private final ScalarNode node;

        private Scalar(String path, ScalarNode node) {
            super(path);
            this.node = node;
        }

        String text() {
            return node.getValue();
        }

        Tag tag() {
            return node.getTag();
        }

        boolean isNull() {
            return Tag.NULL.equals(node.getTag());
        }

        boolean quoted() {
            ScalarStyle style = node.getScalarStyle();
            return style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
        }

        @Override
        String display() {
            if (isNull()) {
                return "null";
            }
            String text = text();
            if (text.isEmpty()) {
                return "\"\"";
            }
            // messages are one line
            return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        }
    }

    /** One key/value pair; a key that is not a scalar (legal YAML, never valid here) is wrapped as it is. */
    record Entry(YamlNode key, YamlNode value) {

        /** The key as a scalar; callers check {@code key() instanceof Scalar} first. */
        Scalar scalarKey() {
            return (Scalar) key;
        }
    }

    static final class MapNode extends YamlNode {
        private final MappingNode source;
        private List<Entry> entries;

        private MapNode(String path, MappingNode source) {
            super(path);
            this.source = source;
        }

        /** A map assembled from entries of other maps (a deep merge). */
        MapNode(String path, List<Entry> entries) {
            super(path);
            this.source = null;
            this.entries = List.copyOf(entries);
        }

        /** Entries in document order, duplicates included. */
        List<Entry> entries() {
            if (entries == null) {
                List<Entry> out = new ArrayList<>();
                for (NodeTuple tuple : source.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        String childPath = ConfigPath.child(path(), key.getValue());
                        out.add(new Entry(new Scalar(childPath, key), YamlNode.of(tuple.getValueNode(), childPath)));
                    } else {
                        out.add(new Entry(YamlNode.of(tuple.getKeyNode(), path()), YamlNode.of(tuple.getValueNode(), path())));
                    }
                }
                entries = List.copyOf(out);
            }
            return entries;
        }

        @Override
        String display() {
            return "<map>";
        }
    }

    static final class ListNode extends YamlNode {
        private final SequenceNode source;
        private List<YamlNode> items;

        private ListNode(String path, SequenceNode source) {
            super(path);
            this.source = source;
        }

        List<YamlNode> items() {
            if (items == null) {
                List<YamlNode> out = new ArrayList<>();
                List<Node> nodes = source.getValue();
                for (int i = 0; i < nodes.size(); i++) {
                    out.add(YamlNode.of(nodes.get(i), ConfigPath.index(path(), i)));
                }
                items = List.copyOf(out);
            }
            return items;
        }

        @Override
        String display() {
            return "<list>";
        }
    }
}
