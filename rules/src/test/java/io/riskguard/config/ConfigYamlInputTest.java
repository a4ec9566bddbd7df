package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.PREFIX;
import static io.riskguard.config.ConfigFixtures.contractExample;
import static io.riskguard.config.ConfigFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is not one readable YAML mapping, and loading from a file. */
class ConfigYamlInputTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAYamlSyntaxErrorWithItsLineAndColumn() {
        String message = rejection("version: 1\nrules: { max_contracts: { limit: 5 }\n");

        assertThat(message).isEqualTo(PREFIX + "line 3, column 1: not valid YAML: expected ',' or '}', but got <stream end>");
    }

    @Test
    void rejectsATabIndentationAsASyntaxError() {
        assertThat(rejection("version: 1\nquotes:\n\tmax_age_seconds: 5\n"))
                .startsWith(PREFIX + "line 3, column 1: not valid YAML: ");
    }

    @Test
    void rejectsMoreThanOneDocument() {
        assertThat(rejection("version: 1\n---\nversion: 2\n"))
                .isEqualTo(PREFIX + "line 3, column 1: more than one YAML document (a config is one document)");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(rejection("# nothing but a comment\n")).isEqualTo(PREFIX + "the file holds no YAML document");
    }

    @Test
    void rejectsATopLevelThatIsNotAMap() {
        assertThat(rejection("- version: 1\n"))
                .isEqualTo(PREFIX + "line 1, column 1: the document must be a map of keys, not <list>");
        assertThat(rejection("version 1\n"))
                .isEqualTo(PREFIX + "line 1, column 1: the document must be a map of keys, not version 1");
    }

    @Test
    void rejectsAnUndefinedAnchor() {
        assertThat(rejection("version: *v\n")).startsWith(PREFIX + "line 1, column 10: not valid YAML: ");
    }

    @Test
    void rejectsANonScalarKey() {
        assertThat(rejection("version: 1\nrules: { [a, b]: {} }\n"))
                .isEqualTo(PREFIX + "rules: <list>: keys must be scalars");
        assertThat(rejection("? { version: 1 }\n: 1\n"))
                .isEqualTo(PREFIX + "(top level): <map>: keys must be scalars");
    }

    @Test
    void keepsAMultiLineValueOnOneLineOfTheMessage() {
        assertThat(rejection("version: 1\ntimezone: |\n  America/Chicago\n  UTC\n"))
                .isEqualTo(PREFIX + "timezone: America/Chicago\\nUTC\\n: must be an IANA zone id (Area/Location) or UTC");
    }

    @Test
    void reportsTheFirstErrorInDocumentOrder() {
        assertThat(rejection("version: 0\ntimezone: CST\n")).isEqualTo(PREFIX + "version: 0: must be an integer >= 1");
        assertThat(rejection("timezone: CST\nversion: 0\n"))
                .isEqualTo(PREFIX + "timezone: CST: must be an IANA zone id (Area/Location) or UTC");
    }

    @Test
    void reportsAMissingRequiredKeyAfterTheKeysPresentInItsMap() {
        assertThat(rejection("version: 1\nsession: { start: \"08:30\", days: [MON, XYZ] }\n"))
                .isEqualTo(PREFIX + "session.days[1]: XYZ: must be one of MON, TUE, WED, THU, FRI, SAT, SUN");
        assertThat(rejection("rules: { max_contracts: { limit: 0 } }\n"))
                .isEqualTo(PREFIX + "rules.max_contracts.limit: 0: must be an integer >= 1");
    }

    @Test
    void loadsAFileAndNamesItAsGivenInMessages() throws IOException, ConfigException {
        Path good = Files.writeString(dir.resolve("risk.yaml"), contractExample());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nquotes: { max_age_seconds: 0 }\n");

        assertThat(ConfigLoader.load(good)).isEqualTo(ConfigLoader.parse(contractExample(), "other-name"));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(bad));
        assertThat(e.getMessage()).isEqualTo("riskguard: invalid config " + bad
                + ": quotes.max_age_seconds: 0: must be an integer from 1 to 3600");
        assertThat(e.file()).isEqualTo(bad.toString());
    }

    @Test
    void rejectsAFileThatDoesNotExist() {
        Path missing = dir.resolve("missing.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(missing));

        assertThat(e.getMessage()).isEqualTo("riskguard: invalid config " + missing + ": cannot read the file: no such file");
        assertThat(e.path()).isNull();
        assertThat(e.value()).isNull();
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(latin1));

        assertThat(e.getMessage()).isEqualTo("riskguard: invalid config " + latin1 + ": cannot read the file: not valid UTF-8");
    }
}
