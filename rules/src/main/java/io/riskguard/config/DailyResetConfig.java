package io.riskguard.config;

import java.time.LocalTime;

/** {@code daily_reset}: when the trading day rolls over, in the config's timezone. */
public record DailyResetConfig(boolean enabled, LocalTime time) {
    public static final DailyResetConfig DEFAULT = new DailyResetConfig(true, LocalTime.of(17, 0));
}
