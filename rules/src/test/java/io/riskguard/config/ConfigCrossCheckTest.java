package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.PREFIX;
import static io.riskguard.config.ConfigFixtures.parse;
import static io.riskguard.config.ConfigFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RULES.md §4.4 cross-key checks #1–#13 on the global config. */
class ConfigCrossCheckTest {

    private static final String INSTRUMENTS = "instruments: { ES: { tick_size: 0.25, tick_value: 12.50 } }\n";
    private static final String NO_RESET = "daily_reset: { enabled: false }\n";
    private static final String NEEDS_RESET = "needs daily_reset.enabled true (it is false)";

    private static String session(String body) {
        return "version: 1\nsession:\n" + body;
    }

    private static String rules(String top, String rules) {
        return "version: 1\n" + top + "rules:\n" + rules;
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("#1 a session whose end equals its start",
                        session("  start: \"08:30\"\n  end: \"08:30\"\n  days: [MON]\n"),
                        "session.end: 08:30: must differ from session.start (08:30)"),
                arguments("#2 an early close on a day without a session",
                        session("  start: \"08:30\"\n  end: \"15:00\"\n  days: [MON, TUE, WED, THU, FRI]\n"
                                + "  early_close: { \"2026-11-27\": \"12:00\", \"2026-11-28\": \"12:00\" }\n"),
                        "session.early_close.\"2026-11-28\": 2026-11-28: must be a session day"
                                + " (weekday in session.days, not in session.holidays)"),
                arguments("#2 an early close on a holiday",
                        session("  start: \"08:30\"\n  end: \"15:00\"\n  days: [MON, TUE, WED, THU, FRI]\n"
                                + "  holidays: [2026-11-26]\n  early_close: { 2026-11-26: \"12:00\" }\n"),
                        "session.early_close.\"2026-11-26\": 2026-11-26: must be a session day"
                                + " (weekday in session.days, not in session.holidays)"),
                arguments("#2 an early close at the regular end",
                        session("  start: \"08:30\"\n  end: \"15:00\"\n  days: [FRI]\n"
                                + "  early_close: { \"2026-11-27\": \"15:00\" }\n"),
                        "session.early_close.\"2026-11-27\": 15:00: must lie strictly inside the regular session"
                                + " (08:30 to 15:00)"),
                arguments("#2 an early close at the start",
                        session("  start: \"08:30\"\n  end: \"15:00\"\n  days: [FRI]\n"
                                + "  early_close: { \"2026-11-27\": \"08:30\" }\n"),
                        "session.early_close.\"2026-11-27\": 08:30: must lie strictly inside the regular session"
                                + " (08:30 to 15:00)"),
                arguments("#2 an early close outside an overnight session",
                        session("  start: \"17:00\"\n  end: \"16:00\"\n  days: [SUN, MON, TUE, WED, THU]\n"
                                + "  early_close: { \"2026-11-26\": \"16:30\" }\n"),
                        "session.early_close.\"2026-11-26\": 16:30: must lie strictly inside the regular session"
                                + " (17:00 to 16:00)"),
                arguments("#3 a grace as long as the gap between sessions",
                        session("  start: \"00:30\"\n  end: \"23:45\"\n  days: [MON]\n  close_grace_seconds: 2700\n"),
                        "session.close_grace_seconds: 2700: must be less than the gap between sessions (2700 s)"),
                arguments("#3 the default grace of an overnight session one minute apart",
                        session("  start: \"08:30\"\n  end: \"08:29\"\n  days: [MON]\n"),
                        "session.close_grace_seconds: <missing>: must be less than the gap between sessions (60 s)"),
                arguments("#3 applies to a disabled session too",
                        session("  enabled: false\n  start: \"00:00\"\n  end: \"23:30\"\n  days: [MON]\n"
                                + "  close_grace_seconds: 3600\n"),
                        "session.close_grace_seconds: 3600: must be less than the gap between sessions (1800 s)"),
                arguments("#4 an alias onto another alias key",
                        "version: 1\naliases: { EP: ES, ES: MES }\n",
                        "aliases.EP: ES: must not itself be an alias key"),
                arguments("#4 an alias onto itself",
                        "version: 1\naliases: { ENQ: NQ, ES: ES }\n",
                        "aliases.ES: ES: must differ from its key"),
                arguments("#5 an instruments key that is an alias key",
                        "version: 1\naliases: { EP: ES }\ninstruments: { EP: { tick_size: 0.25, tick_value: 12.50 } }\n",
                        "instruments.EP: EP: must not be an alias key (aliases.EP -> ES)"),
                arguments("#5 a limits key that is an alias key",
                        rules("aliases: { EP: ES }\n",
                                "  max_contracts_per_instrument: { enabled: false, limits: { ES: 1, EP: 1 } }\n"),
                        "rules.max_contracts_per_instrument.limits.EP: EP: must not be an alias key (aliases.EP -> ES)"),
                arguments("#6 RULE-003 enabled explicitly without a daily reset",
                        rules(NO_RESET, "  daily_realized_loss: { enabled: true }\n"),
                        "rules.daily_realized_loss.enabled: true: " + NEEDS_RESET),
                arguments("#6 RULE-003 enabled by default without a daily reset",
                        rules(NO_RESET, "  daily_realized_loss: { limit: -100.00 }\n"),
                        "rules.daily_realized_loss.enabled: <missing>: " + NEEDS_RESET),
                arguments("#6 RULE-006 with its default until_reset cooldown",
                        rules(NO_RESET, "  trade_frequency_limit: { per_minute: 2 }\n"),
                        "rules.trade_frequency_limit.cooldown.per_session: <missing>: " + NEEDS_RESET),
                arguments("#6 RULE-006 with an explicit until_reset cooldown",
                        rules(NO_RESET, "  trade_frequency_limit:\n"
                                + "    cooldown: { per_minute: 60s, per_hour: until_reset, per_session: until_reset }\n"),
                        "rules.trade_frequency_limit.cooldown.per_hour: until_reset: " + NEEDS_RESET),
                arguments("#6 RULE-007 with an until_reset tier",
                        rules(NO_RESET, "  cooldown_after_loss:\n    tiers: [ { loss: -100.00, cooldown: 5m },"
                                + " { loss: -200.00, cooldown: until_reset } ]\n"),
                        "rules.cooldown_after_loss.tiers[1].cooldown: until_reset: " + NEEDS_RESET),
                arguments("#6 RULE-013 enabled without a daily reset",
                        rules(NO_RESET, "  daily_realized_profit: { enabled: true, target: 800 }\n"),
                        "rules.daily_realized_profit.enabled: true: " + NEEDS_RESET),
                arguments("#7 per_hour below per_minute",
                        rules("", "  trade_frequency_limit: { per_minute: 5, per_hour: 4 }\n"),
                        "rules.trade_frequency_limit.per_hour: 4: must be at least"
                                + " rules.trade_frequency_limit.per_minute (5)"),
                arguments("#7 per_session below the default per_hour",
                        rules("", "  trade_frequency_limit: { per_session: 9 }\n"),
                        "rules.trade_frequency_limit.per_session: 9: must be at least"
                                + " rules.trade_frequency_limit.per_hour (10)"),
                arguments("#7 a default per_hour below per_minute, on a disabled rule",
                        rules("", "  trade_frequency_limit: { enabled: false, per_minute: 11 }\n"),
                        "rules.trade_frequency_limit.per_hour: <missing>: must be at least"
                                + " rules.trade_frequency_limit.per_minute (11)"),
                arguments("#8 two tiers with the same loss",
                        rules("", "  cooldown_after_loss:\n    tiers: [ { loss: -100.00, cooldown: 5m },"
                                + " { loss: -200.00, cooldown: 15m }, { loss: -100, cooldown: 30m } ]\n"),
                        "rules.cooldown_after_loss.tiers[2]: <map>: must have a loss different from tiers[0] (-100.00)"),
                arguments("#8 a more severe tier with a shorter cooldown",
                        rules("", "  cooldown_after_loss:\n    tiers: [ { loss: -100.00, cooldown: 15m },"
                                + " { loss: -200.00, cooldown: 5m } ]\n"),
                        "rules.cooldown_after_loss.tiers[1]: <map>: must have a cooldown at least as long as"
                                + " tiers[0] (15m)"),
                arguments("#8 a more severe tier listed first with a shorter cooldown",
                        rules("", "  cooldown_after_loss:\n    tiers: [ { loss: -200.00, cooldown: 24h },"
                                + " { loss: -100.00, cooldown: until_reset } ]\n"),
                        "rules.cooldown_after_loss.tiers[0]: <map>: must have a cooldown at least as long as"
                                + " tiers[1] (until_reset)"),
                arguments("#8 applies to a disabled rule",
                        rules("", "  cooldown_after_loss:\n    enabled: false\n    tiers: [ { loss: -100.00, cooldown: 1h },"
                                + " { loss: -200.00, cooldown: 59m } ]\n"),
                        "rules.cooldown_after_loss.tiers[1]: <map>: must have a cooldown at least as long as"
                                + " tiers[0] (1h)"),
                arguments("#9 an offset as large as the trigger",
                        rules(INSTRUMENTS, "  trade_management: { breakeven: { trigger_ticks: 4, offset_ticks: 4 } }\n"),
                        "rules.trade_management.breakeven.offset_ticks: 4: must be less than"
                                + " rules.trade_management.breakeven.trigger_ticks (4)"),
                arguments("#9 the default offset against a trigger of 1, on a disabled rule",
                        rules("", "  trade_management: { enabled: false, breakeven: { trigger_ticks: 1 } }\n"),
                        "rules.trade_management.breakeven.offset_ticks: <missing>: must be less than"
                                + " rules.trade_management.breakeven.trigger_ticks (1)"),
                arguments("#9 an enabled trade management without breakeven or trailing",
                        rules(INSTRUMENTS, "  trade_management: { enabled: true }\n"),
                        "rules.trade_management: <map>: must have breakeven or trailing"),
                arguments("#10 the default per-instrument limit above the account limit",
                        rules("", "  max_contracts: { limit: 2 }\n  max_contracts_per_instrument: {}\n"),
                        "rules.max_contracts_per_instrument.default_limit: <missing>: must be at most"
                                + " rules.max_contracts.limit (2)"),
                arguments("#10 a limits value above the default account limit",
                        rules("", "  max_contracts: {}\n  max_contracts_per_instrument: { limits: { MNQ: 2, ES: 6 } }\n"),
                        "rules.max_contracts_per_instrument.limits.ES: 6: must be at most rules.max_contracts.limit (5)"),
                arguments("#11 the spec's example",
                        rules(INSTRUMENTS, "  daily_realized_loss: {}\n  daily_unrealized_loss: { limit: -600.00 }\n"),
                        "rules.daily_unrealized_loss.limit: -600.00: must be at least"
                                + " rules.daily_realized_loss.limit (-500.00)"),
                arguments("#11 the default unrealized limit below the realized limit",
                        rules(INSTRUMENTS, "  daily_realized_loss: { limit: -200 }\n  daily_unrealized_loss: {}\n"),
                        "rules.daily_unrealized_loss.limit: <missing>: must be at least"
                                + " rules.daily_realized_loss.limit (-200)"),
                arguments("#12 a position target above the daily target",
                        rules(INSTRUMENTS, "  max_unrealized_profit: { target: 1500.00 }\n  daily_realized_profit: {}\n"),
                        "rules.max_unrealized_profit.target: 1500.00: must be at most"
                                + " rules.daily_realized_profit.target (1000.00)"),
                arguments("#13 RULE-004 enabled without instruments",
                        rules("", "  daily_unrealized_loss: {}\n"),
                        "instruments: <missing>: must not be empty while RULE-004, RULE-005 or RULE-012 is enabled"),
                arguments("#13 RULE-012 enabled with empty instruments",
                        rules("instruments: {}\n", "  trade_management: { trailing: {} }\n"),
                        "instruments: <map>: must not be empty while RULE-004, RULE-005 or RULE-012 is enabled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsTheInconsistentCombinationNamingTheOtherKey(String why, String yaml, String expected) {
        assertThat(rejection(yaml)).isEqualTo(PREFIX + expected);
    }

    static Stream<Arguments> acceptances() {
        return Stream.of(
                arguments("#2 early closes inside an overnight session, on both sides of midnight",
                        session("  start: \"17:00\"\n  end: \"16:00\"\n  days: [SUN, MON, TUE, WED, THU]\n"
                                + "  early_close: { \"2026-11-25\": \"12:00\", \"2026-11-26\": \"18:00\" }\n")),
                arguments("#3 a grace just below the gap",
                        session("  start: \"00:30\"\n  end: \"23:45\"\n  days: [MON]\n  close_grace_seconds: 2699\n")),
                arguments("#6 a disabled RULE-003 without a daily reset",
                        rules(NO_RESET, "  daily_realized_loss: { enabled: false }\n")),
                arguments("#6 RULE-006 with fixed cooldowns without a daily reset",
                        rules(NO_RESET, "  trade_frequency_limit: { cooldown: { per_session: 24h } }\n")),
                arguments("#8 equal cooldowns written in different units",
                        rules("", "  cooldown_after_loss: { tiers: [ { loss: -100, cooldown: 60m }, { loss: -200, cooldown: 1h } ] }\n")),
                arguments("#9 a disabled trade management without breakeven or trailing",
                        rules("", "  trade_management: { enabled: false }\n")),
                arguments("#10 a per-instrument limit above the account limit while RULE-001 is disabled",
                        rules("", "  max_contracts: { enabled: false, limit: 1 }\n  max_contracts_per_instrument: {}\n")),
                arguments("#11 unrealized limit equal to the realized limit",
                        rules(INSTRUMENTS, "  daily_realized_loss: { limit: -300 }\n  daily_unrealized_loss: { limit: -300.00 }\n")),
                arguments("#11 unrealized limit below the realized limit while RULE-003 is disabled",
                        rules(INSTRUMENTS, "  daily_realized_loss: { enabled: false }\n  daily_unrealized_loss: { limit: -900 }\n")),
                arguments("#12 position target above the daily target while RULE-013 is disabled",
                        rules(INSTRUMENTS, "  max_unrealized_profit: { target: 5000 }\n  daily_realized_profit: { enabled: false }\n")),
                arguments("#13 RULE-004 disabled without instruments",
                        rules("", "  daily_unrealized_loss: { enabled: false }\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptances")
    void acceptsTheConsistentCombination(String why, String yaml) {
        assertThatCode(() -> parse(yaml)).doesNotThrowAnyException();
    }

    @Test
    void reportsTheFirstFailingCheckInTableOrder() {
        String yaml = rules(INSTRUMENTS, """
                  daily_realized_loss: {}
                  daily_unrealized_loss: { limit: -600.00 }
                  trade_frequency_limit: { per_minute: 5, per_hour: 4 }
                """);

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "rules.trade_frequency_limit.per_hour: 4: must be at least"
                + " rules.trade_frequency_limit.per_minute (5)");
    }

    @Test
    void reportsAKeyErrorAnywhereInTheDocumentBeforeAnyCrossCheck() {
        String yaml = """
                version: 1
                session: { start: "08:30", end: "08:30", days: [MON] }
                quotes: { max_age_seconds: 0 }
                """;

        assertThat(rejection(yaml)).isEqualTo(PREFIX + "quotes.max_age_seconds: 0: must be an integer from 1 to 3600");
    }
}
