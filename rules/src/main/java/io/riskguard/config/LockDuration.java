package io.riskguard.config;

import java.time.Duration;

/**
 * A cooldown length: a fixed duration ({@code 60s}, {@code 15m}, {@code 2h}) or {@code until_reset}
 * (the next daily reset). {@code text} is the spelling in the config.
 */
public record LockDuration(Duration fixed, String text) {

    public static final String UNTIL_RESET = "until_reset";

    public static LockDuration untilReset() {
        return new LockDuration(null, UNTIL_RESET);
    }

    public static LockDuration of(Duration fixed, String text) {
        return new LockDuration(fixed, text);
    }

    public boolean isUntilReset() {
        return fixed == null;
    }

    /** Orders by length; {@code until_reset} is longer than every fixed duration. */
    public int compareLength(LockDuration other) {
        if (isUntilReset() || other.isUntilReset()) {
            return Boolean.compare(isUntilReset(), other.isUntilReset());
        }
        return fixed.compareTo(other.fixed);
    }
}
