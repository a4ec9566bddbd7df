package io.riskguard.job.cli;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.sinks.gateway.GatewayCredentials;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.DatabaseMigrations;
import io.riskguard.sinks.jdbc.JdbcSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

    /** The gateway URL checked, the credentials present (read again where the sink runs), the ledger chosen. */
    static GatewaySettings gateway(String url, String jdbcUrl) {
        URI uri = uri(url, "--gateway-url", "http://host:port");
        if (!GatewayCredentials.inEnvironment()) {
            throw new UsageException("riskguard: --gateway-url needs " + GatewayCredentials.USER_ENV + " and "
                    + GatewayCredentials.KEY_ENV + " in the environment (or their _FILE variants)");
        }
        return GatewaySettings.defaults(uri, jdbcUrl == null ? null : new JdbcSettings(jdbcUrl));
    }

    /** The database URL checked and the schema migrated before the job starts. */
    static JdbcSettings database(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("riskguard: invalid --jdbc-url " + url + ": must be a jdbc:postgresql: URL");
        }
        JdbcSettings settings = new JdbcSettings(url);
        try {
            DatabaseMigrations.migrate(settings);
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
            throw new UsageException("riskguard: cannot prepare the database at " + url + ": " + reason);
        }
        return settings;
    }

    static URI uri(String value, String option, String shape) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new UsageException("riskguard: invalid " + option + " " + value + ": must be a URL like " + shape);
    }

    static void positive(int value, String option) {
        if (value < 1) {
            throw new UsageException("riskguard: invalid " + option + " " + value + ": must be an integer >= 1");
        }
    }

    /** Kafka client properties: the file's (SASL/TLS settings with their secrets), then the --kafka-property ones. */
    static Map<String, String> kafkaProperties(Path file, List<String> keyValues) throws IOException {
        Map<String, String> props = new HashMap<>();
        if (file != null) {
            readable(List.of(file), "Kafka properties");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        }
        if (keyValues != null) {
            for (String kv : keyValues) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("riskguard: invalid --kafka-property " + kv + ": must be KEY=VALUE");
                }
                props.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return props;
    }
}
