package io.riskguard.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads and validates a Riskguard YAML configuration (CONTRACT.md §3, RULES.md §4). Validation stops
 * at the first error: keys in document order, then the cross-key checks in table order for the global
 * config, then for each account's merged config in document order.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /** Reads {@code file} as UTF-8; messages name it as {@code file.toString()}. */
    public static RiskConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.unparseable(name, "cannot read the file: no such file");
        } catch (AccessDeniedException e) {
            throw ConfigException.unparseable(name, "cannot read the file: permission denied");
        } catch (CharacterCodingException e) {
            throw ConfigException.unparseable(name, "cannot read the file: not valid UTF-8");
        } catch (IOException e) {
            throw ConfigException.unparseable(name, "cannot read the file: " + e);
        }
        return parse(text, name);
    }

    /** Parses a whole config given as text (e.g. from the control topic); {@code fileName} names it in messages. */
    public static RiskConfig parse(String yamlText, String fileName) throws ConfigException {
        YamlNode.MapNode root = YamlComposer.compose(yamlText, fileName);
        try {
            return validate(root);
        } catch (ConfigProblem problem) {
            throw new ConfigException(fileName, problem.path(), problem.value(), problem.allowed());
        }
    }

    private static RiskConfig validate(YamlNode.MapNode root) {
        ConfigDocument doc = DocumentReader.read(root);
        checkCrossKeys(doc, doc.rules());
        Map<Long, RuleSet> accountRules = new LinkedHashMap<>();
        for (Map.Entry<Long, YamlNode> account : doc.accountOverrides().entrySet()) {
            RulesReader.Read merged = RulesReader.read(RulesMerger.merge(doc.rulesNode(), account.getValue()));
            checkCrossKeys(doc, merged);
            accountRules.put(account.getKey(), merged.rules());
        }
        return new RiskConfig(
                doc.version(),
                doc.timezone(),
                doc.dailyReset(),
                doc.session(),
                doc.instruments(),
                doc.aliases(),
                doc.quoteMaxAgeSeconds(),
                doc.rules().rules(),
                accountRules);
    }

    private static void checkCrossKeys(ConfigDocument doc, RulesReader.Read rules) {
        SessionChecks.check(doc);
        RootChecks.check(doc, rules);
        RuleChecks.check(doc, rules);
    }
}
