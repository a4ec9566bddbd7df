package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.PREFIX;
import static io.riskguard.config.ConfigFixtures.parse;
import static io.riskguard.config.ConfigFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md §4.3 duration grammar. */
class ConfigDurationTest {

    private static String withCooldown(String duration) {
        return "version: 1\nrules:\n  trade_frequency_limit:\n    cooldown: { per_minute: " + duration + " }\n";
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"60", "1.5m", "15 minutes", "0s", "86401s", "1441m", "25h", "-5m", "5M", "05m", "1d",
        "until reset", "UNTIL_RESET", "99999999999999999999h"})
    void rejectsADurationOutsideTheGrammar(String duration) {
        assertThat(rejection(withCooldown(duration))).isEqualTo(PREFIX
                + "rules.trade_frequency_limit.cooldown.per_minute: " + duration
                + ": must be a duration <n>s, <n>m or <n>h of at most 24h, or until_reset");
    }

    @ParameterizedTest(name = "accepts {0} as {1} seconds")
    @CsvSource({"1s, 1", "60s, 60", "86400s, 86400", "1440m, 86400", "24h, 86400", "15m, 900", "'\"5m\"', 300"})
    void acceptsADurationUpTo24Hours(String duration, long seconds) throws ConfigException {
        LockDuration read = parse(withCooldown(duration)).rules().tradeFrequencyLimit().cooldownPerMinute();

        assertThat(read.fixed()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(read.text()).isEqualTo(duration.replace("\"", ""));
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"until_reset", "\"until_reset\""})
    void acceptsUntilReset(String duration) throws ConfigException {
        LockDuration read = parse(withCooldown(duration)).rules().tradeFrequencyLimit().cooldownPerMinute();

        assertThat(read.isUntilReset()).isTrue();
        assertThat(read.text()).isEqualTo("until_reset");
    }
}
