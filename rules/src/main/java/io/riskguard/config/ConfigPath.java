package io.riskguard.config;

import java.util.regex.Pattern;

/** Key paths of messages: dot-separated, list indices in brackets, odd keys double-quoted. */
final class ConfigPath {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConfigPath() {}

    static String child(String parent, String key) {
        String part = BARE_KEY.matcher(key).matches()
                ? key
                : '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return parent.isEmpty() ? part : parent + "." + part;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
