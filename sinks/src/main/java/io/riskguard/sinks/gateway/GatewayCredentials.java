package io.riskguard.sinks.gateway;

import io.riskguard.sinks.Secrets;

/**
 * The gateway user and API key, from {@code RISKGUARD_GATEWAY_USER} / {@code
 * RISKGUARD_GATEWAY_API_KEY} (or their {@code _FILE} variants). {@link #toString()} never shows the key.
 */
public record GatewayCredentials(String userName, String apiKey) {

    public static final String USER_ENV = "RISKGUARD_GATEWAY_USER";
    public static final String KEY_ENV = "RISKGUARD_GATEWAY_API_KEY";

    /** What {@code local} uses with its in-process simulator (which accepts any credentials). */
    public static final GatewayCredentials LOCAL_DEMO = new GatewayCredentials("riskguard-local", "local-demo");

    public static boolean inEnvironment() {
        return Secrets.get(USER_ENV) != null && Secrets.get(KEY_ENV) != null;
    }

    /** @throws IllegalStateException naming the missing variable */
    public static GatewayCredentials fromEnvironment() {
        String user = Secrets.get(USER_ENV);
        String key = Secrets.get(KEY_ENV);
        if (user == null || key == null) {
            throw new IllegalStateException("broker gateway credentials missing: set " + USER_ENV + " and " + KEY_ENV
                    + " (or " + USER_ENV + "_FILE and " + KEY_ENV + "_FILE)");
        }
        return new GatewayCredentials(user, key);
    }

    @Override
    public String toString() {
        return "GatewayCredentials[user=" + userName + ", apiKey=***]";
    }
}
