package io.riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shared fixtures of the config tests. */
final class ConfigFixtures {

    static final String FILE = "risk.yaml";
    static final String PREFIX = "riskguard: invalid config risk.yaml: ";

    private ConfigFixtures() {}

    /** The configuration example of CONTRACT.md §3, verbatim. */
    static String contractExample() {
        try (InputStream in = ConfigFixtures.class.getResourceAsStream("/config/contract-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's testdata/ directory (set by surefire; falls back to the module's parent). */
    static Path testdata() {
        return Path.of(System.getProperty("riskguard.testdata", "../testdata"));
    }

    static RiskConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, FILE);
    }

    /** The one-line message with which {@code yaml} is rejected. */
    static String rejection(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, FILE));
        assertThat(e).as("config should be rejected:%n%s", yaml).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(PREFIX);
        return e.getMessage();
    }

    static String withVersion(String body) {
        return "version: 1\n" + body;
    }
}
