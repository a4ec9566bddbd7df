package io.riskguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Key paths of messages (RULES.md §4.1). */
class ConfigPathTest {

    @Test
    void joinsIdentifierKeysWithDotsAndQuotesTheOthers() {
        assertThat(ConfigPath.child("", "rules")).isEqualTo("rules");
        assertThat(ConfigPath.child("instruments", "ES")).isEqualTo("instruments.ES");
        assertThat(ConfigPath.child("accounts", "1001")).isEqualTo("accounts.\"1001\"");
        assertThat(ConfigPath.child("session.early_close", "2026-11-27")).isEqualTo("session.early_close.\"2026-11-27\"");
        assertThat(ConfigPath.child("rules", "a\"b")).isEqualTo("rules.\"a\\\"b\"");
    }

    @Test
    void writesListIndicesInBrackets() {
        assertThat(ConfigPath.child(ConfigPath.index("rules.cooldown_after_loss.tiers", 1), "loss"))
                .isEqualTo("rules.cooldown_after_loss.tiers[1].loss");
    }
}
