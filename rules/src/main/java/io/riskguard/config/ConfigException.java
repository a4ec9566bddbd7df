package io.riskguard.config;

/**
 * A configuration that cannot be used. The message is one line, {@code riskguard: invalid config
 * <file>: <path>: <value>: <allowed>} (RULES.md §4.1). Failures that have no key path (unreadable
 * file, YAML syntax, not one mapping document) have a null {@link #path()} and {@link #value()};
 * their description is in {@link #allowed()} and the message is {@code riskguard: invalid config
 * <file>: <description>}.
 */
public class ConfigException extends Exception {

    private final String file;
    private final String path;
    private final String value;
    private final String allowed;

    public ConfigException(String file, String path, String value, String allowed) {
        super("riskguard: invalid config " + file + ": " + path + ": " + value + ": " + allowed);
        this.file = file;
        this.path = path;
        this.value = value;
        this.allowed = allowed;
    }

    private ConfigException(String file, String description) {
        super("riskguard: invalid config " + file + ": " + description);
        this.file = file;
        this.path = null;
        this.value = null;
        this.allowed = description;
    }

    /** A failure without a key path; {@code description} must be one line. */
    public static ConfigException unparseable(String file, String description) {
        return new ConfigException(file, description);
    }

    public String file() {
        return file;
    }

    /** Key path such as {@code accounts."1001".rules.daily_realized_loss.limit}; null when none. */
    public String path() {
        return path;
    }

    /** The value as written, {@code <missing>}, {@code <map>}, {@code <list>} or {@code null}; null when no path. */
    public String value() {
        return value;
    }

    /** What is allowed (or, without a path, what is wrong). */
    public String allowed() {
        return allowed;
    }
}
