package io.riskguard.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where secrets come from: an environment variable {@code NAME}, or a file named by
 * {@code NAME_FILE} (the usual container convention). Never from program arguments; callers never
 * log the values.
 */
public final class Secrets {

    private Secrets() {}

    public static String get(String name) {
        return get(name, System.getenv());
    }

    static String get(String name, Map<String, String> env) {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + "_FILE " + file, e);
        }
    }
}
