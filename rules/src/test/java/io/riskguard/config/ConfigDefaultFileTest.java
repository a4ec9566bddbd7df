package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.contractExample;
import static io.riskguard.config.ConfigFixtures.testdata;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** testdata/config/default.yaml: the contract example with every key written out. */
class ConfigDefaultFileTest {

    private static final Path DEFAULT = testdata().resolve("config/default.yaml");

    @Test
    void loadsWithoutErrorIntoTheSameConfigAsTheContractExample() throws ConfigException {
        assertThat(ConfigLoader.load(DEFAULT)).isEqualTo(ConfigLoader.parse(contractExample(), "example"));
    }

    @Test
    void writesEveryKeyOfEveryRuleAndOfTheTopLevelBlocks() throws IOException {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DEFAULT));

        assertThat(doc).containsOnlyKeys(
                "version", "timezone", "daily_reset", "session", "instruments", "aliases", "quotes", "rules", "accounts");
        assertThat(map(doc, "daily_reset")).containsOnlyKeys("enabled", "time");
        assertThat(map(doc, "session")).containsOnlyKeys(
                "enabled", "start", "end", "days", "holidays", "early_close", "close_grace_seconds");
        assertThat(map(doc, "quotes")).containsOnlyKeys("max_age_seconds");
        Map<String, Object> rules = map(doc, "rules");
        assertThat(rules).hasSize(13);
        assertThat(map(rules, "max_contracts")).containsOnlyKeys("enabled", "limit", "count", "enforcement");
        assertThat(map(rules, "max_contracts_per_instrument"))
                .containsOnlyKeys("enabled", "default_limit", "limits", "unknown_symbol");
        assertThat(map(rules, "daily_realized_loss")).containsOnlyKeys("enabled", "limit", "include_fees");
        assertThat(map(rules, "daily_unrealized_loss")).containsOnlyKeys("enabled", "limit");
        assertThat(map(rules, "max_unrealized_profit")).containsOnlyKeys("enabled", "target");
        assertThat(map(rules, "trade_frequency_limit")).containsOnlyKeys(
                "enabled", "count", "per_minute", "per_hour", "per_session", "cooldown", "flatten_on_breach");
        assertThat(map(map(rules, "trade_frequency_limit"), "cooldown"))
                .containsOnlyKeys("per_minute", "per_hour", "per_session");
        assertThat(map(rules, "cooldown_after_loss")).containsOnlyKeys("enabled", "tiers");
        assertThat(map(rules, "no_stop_loss_grace")).containsOnlyKeys("enabled", "grace_seconds");
        assertThat(map(rules, "session_block_outside")).containsOnlyKeys("enabled");
        assertThat(map(rules, "auth_loss_guard")).containsOnlyKeys("enabled");
        assertThat(map(rules, "symbol_blocks")).containsOnlyKeys("enabled", "symbols");
        assertThat(map(rules, "trade_management")).containsOnlyKeys("enabled", "breakeven", "trailing");
        assertThat(map(map(rules, "trade_management"), "breakeven")).containsOnlyKeys("trigger_ticks", "offset_ticks");
        assertThat(map(map(rules, "trade_management"), "trailing")).containsOnlyKeys("activation_ticks", "trail_ticks");
        assertThat(map(rules, "daily_realized_profit")).containsOnlyKeys("enabled", "target");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
