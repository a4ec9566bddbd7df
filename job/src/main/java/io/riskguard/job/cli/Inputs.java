package io.riskguard.job.cli;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks the files and values a command is given, turning every problem into a one-line {@link UsageException}. */
final class Inputs {

    private Inputs() {}

    /** The config file's text, validated (the job loads it again on each subtask). */
    static String configYaml(Path file) {
        try {
            ConfigLoader.load(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("riskguard: cannot read config " + file + ": " + e.getMessage());
        }
    }

    static RiskConfig config(Path file) {
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static void readable(List<Path> files, String what) {
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UsageException("riskguard: cannot read " + what + " file " + f + ": no such readable file");
            }
        }
    }

    static Instant instant(String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.endsWith("Z")) {
                throw new DateTimeParseException("no Z", value, value.length());
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("riskguard: invalid " + option + " " + value
                    + ": must be an ISO-8601 UTC instant such as 2026-03-02T23:00:00Z");
        }
    }

    static void positive(int value, String option) {
        if (value < 1) {
            throw new UsageException("riskguard: invalid " + option + " " + value + ": must be an integer >= 1");
        }
    }
}
