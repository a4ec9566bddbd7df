package io.riskguard.config;

/**
 * A validation failure at a key path. Unchecked so readers and checks can stop at the first error
 * from inside lambdas; {@link ConfigLoader} turns it into a {@link ConfigException} naming the file.
 */
final class ConfigProblem extends RuntimeException {

    static final String MISSING = "<missing>";

    private final String path;
    private final String value;
    private final String allowed;

    ConfigProblem(String path, String value, String allowed) {
        super(path + ": " + value + ": " + allowed, null, false, false);
        this.path = path;
        this.value = value;
        this.allowed = allowed;
    }

    String path() {
        return path;
    }

    String value() {
        return value;
    }

    String allowed() {
        return allowed;
    }
}
