package io.riskguard.sinks.gateway.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Credentials and session tokens. With no configured users any non-empty userName/apiKey logs in
 * (demo mode). Tokens are random, opaque and expire after the configured lifetime, measured on a
 * clock of nanoseconds; they are never logged.
 */
final class TokenStore {

    private record Session(String user, long expiresAtNanos) {
    }

    private final Map<String, String> users;
    private final long lifetimeNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    TokenStore(Map<String, String> users, Duration lifetime, LongSupplier nanoClock) {
        this.users = Map.copyOf(users);
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A new token for these credentials, or null when they are wrong. */
    String login(String userName, String apiKey) {
        if (!accepts(userName, apiKey)) {
            return null;
        }
        return issue(userName);
    }

    /** The user of a valid, unexpired token, or null. */
    String userOf(String token) {
        if (token == null) {
            return null;
        }
        Session session = sessions.get(token);
        if (session == null) {
            return null;
        }
        if (nanoClock.getAsLong() - session.expiresAtNanos() >= 0) {
            sessions.remove(token, session);
            return null;
        }
        return session.user();
    }

    /** A fresh token for the user; earlier tokens stay valid until their own expiry. */
    String issue(String user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, nanoClock.getAsLong() + lifetimeNanos));
        return token;
    }

    /** Every token issued so far becomes invalid. */
    void expireAll() {
        sessions.clear();
    }

    private boolean accepts(String userName, String apiKey) {
        if (userName == null || userName.isEmpty() || apiKey == null || apiKey.isEmpty()) {
            return false;
        }
        if (users.isEmpty()) {
            return true;
        }
        String expected = users.get(userName);
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
