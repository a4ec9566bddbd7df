package io.riskguard.job.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;

/**
 * Decides whether a control message may replace the running configuration (DESIGN.md: a trader who
 * can write events must not be able to switch rules off). A message is
 * {@code {"version": N, "config": "<the whole YAML>", "signature": "<hex HMAC-SHA256 of the YAML>"}};
 * it is accepted only if it is well formed, signed with the control key, newer than the running
 * version, states the same version as its YAML, and the YAML passes validation.
 */
public final class ConfigUpdateVerifier {

    /** The outcome: the accepted config, or the reason it was refused. */
    public record Verdict(boolean accepted, Integer version, String yaml, String reason) {
        static Verdict accept(int version, String yaml) {
            return new Verdict(true, version, yaml, "accepted");
        }

        static Verdict reject(Integer version, String yaml, String reason) {
            return new Verdict(false, version, yaml, reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;

    /** @param key the control key; null when none is configured (then every message is refused) */
    public ConfigUpdateVerifier(String key) {
        this.key = key;
    }

    public Verdict verify(String message, int runningVersion) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (Exception e) {
            return Verdict.reject(null, null, "config update is not JSON");
        }
        if (node == null || !node.isObject() || !node.path("config").isTextual() || !node.path("version").isInt()) {
            return Verdict.reject(null, null, "config update must be {\"version\": N, \"config\": \"...\", \"signature\": \"...\"}");
        }
        int version = node.path("version").asInt();
        String yaml = node.path("config").asText();
        if (!node.path("signature").isTextual()) {
            return Verdict.reject(version, yaml, "config update version " + version + " is not signed");
        }
        if (key == null) {
            return Verdict.reject(version, yaml, "config update version " + version + " refused: no control key is "
                    + "configured (" + ConfigSignature.KEY_ENV + ")");
        }
        if (!ConfigSignature.verify(key, yaml, node.path("signature").asText())) {
            return Verdict.reject(version, yaml, "config update version " + version + " has a bad signature");
        }
        if (version <= runningVersion) {
            return Verdict.reject(version, yaml, "config update version " + version
                    + " is not newer than the running version " + runningVersion);
        }
        RiskConfig config;
        try {
            config = ConfigLoader.parse(yaml, "control update");
        } catch (ConfigException e) {
            return Verdict.reject(version, yaml, e.getMessage());
        }
        if (config.version() != version) {
            return Verdict.reject(version, yaml, "config update says version " + version + " but its YAML has version "
                    + config.version());
        }
        return Verdict.accept(version, yaml);
    }
}
