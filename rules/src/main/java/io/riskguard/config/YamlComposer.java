package io.riskguard.config;

import java.io.StringReader;
import java.util.Iterator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns YAML text into the node tree of its single document. Only composes: no Java objects are
 * constructed, so literal texts, tags and styles stay available and duplicate or merge keys stay
 * visible to the validation.
 */
final class YamlComposer {

    private YamlComposer() {}

    static YamlNode.MapNode compose(String text, String file) throws ConfigException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Node root;
        try {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                throw ConfigException.unparseable(file, "the file holds no YAML document");
            }
            root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                throw ConfigException.unparseable(
                        file, at(second.getStartMark()) + "more than one YAML document (a config is one document)");
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw ConfigException.unparseable(file, at(mark) + "not valid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw ConfigException.unparseable(file, "not valid YAML: " + oneLine(e.getMessage()));
        }
        if (root instanceof MappingNode) {
            return (YamlNode.MapNode) YamlNode.of(root, "");
        }
        String found = YamlNode.of(root, "").display();
        throw ConfigException.unparseable(
                file, at(root.getStartMark()) + "the document must be a map of keys, not " + found);
    }

    private static String at(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    private static String oneLine(String text) {
        return text == null ? "unknown problem" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
