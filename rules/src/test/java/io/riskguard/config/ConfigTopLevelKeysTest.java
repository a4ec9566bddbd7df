package io.riskguard.config;

import static io.riskguard.config.ConfigFixtures.PREFIX;
import static io.riskguard.config.ConfigFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RULES.md §4.2: every top-level key, session, instruments, aliases, quotes and accounts. */
class ConfigTopLevelKeysTest {

    private static final String SESSION_HEAD = "version: 1\nsession:\n";
    private static final String REGULAR_SESSION = "  start: \"08:30\"\n  end: \"15:00\"\n  days: [MON, TUE, WED, THU, FRI]\n";
    private static final String HH_MM = "must be a quoted string \"HH:MM\" from 00:00 to 23:59";
    private static final String ZONE = "must be an IANA zone id (Area/Location) or UTC";

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("a missing version is required",
                        "timezone: UTC\n",
                        "version: <missing>: is required"),
                arguments("version 0 is below 1",
                        "version: 0\n",
                        "version: 0: must be an integer >= 1"),
                arguments("a quoted version is a string, not an integer",
                        "version: \"7\"\n",
                        "version: 7: must be an integer >= 1"),
                arguments("a decimal version is not an integer",
                        "version: 7.0\n",
                        "version: 7.0: must be an integer >= 1"),
                arguments("a hexadecimal version is not plain decimal notation",
                        "version: 0x7\n",
                        "version: 0x7: must be an integer >= 1"),
                arguments("a version beyond the int range names the upper bound",
                        "version: 99999999999\n",
                        "version: 99999999999: must be an integer from 1 to 2147483647"),
                arguments("the abbreviation CST is not a zone id",
                        "version: 1\ntimezone: CST\n",
                        "timezone: CST: " + ZONE),
                arguments("EST is resolvable by ZoneId.of but is not Area/Location",
                        "version: 1\ntimezone: EST\n",
                        "timezone: EST: " + ZONE),
                arguments("an offset is not a zone id",
                        "version: 1\ntimezone: \"+01:00\"\n",
                        "timezone: +01:00: " + ZONE),
                arguments("GMT+1 is not a zone id",
                        "version: 1\ntimezone: GMT+1\n",
                        "timezone: GMT+1: " + ZONE),
                arguments("an unknown Area/Location is not resolvable",
                        "version: 1\ntimezone: Mars/Olympus_Mons\n",
                        "timezone: Mars/Olympus_Mons: " + ZONE),
                arguments("a zone id in the wrong case is not resolvable",
                        "version: 1\ntimezone: america/chicago\n",
                        "timezone: america/chicago: " + ZONE),
                arguments("daily_reset must be a map",
                        "version: 1\ndaily_reset: true\n",
                        "daily_reset: true: must be a map"),
                arguments("daily_reset.enabled yes is not true or false",
                        "version: 1\ndaily_reset: { enabled: yes }\n",
                        "daily_reset.enabled: yes: must be true or false"),
                arguments("an unquoted 17:00 is the YAML 1.1 integer 1020",
                        "version: 1\ndaily_reset: { time: 17:00 }\n",
                        "daily_reset.time: 17:00: " + HH_MM),
                arguments("daily_reset.time 24:00 is out of range",
                        "version: 1\ndaily_reset: { time: \"24:00\" }\n",
                        "daily_reset.time: 24:00: " + HH_MM),
                arguments("daily_reset.time needs two hour digits",
                        "version: 1\ndaily_reset: { time: \"7:00\" }\n",
                        "daily_reset.time: 7:00: " + HH_MM),
                arguments("an unknown key in daily_reset lists the allowed keys",
                        "version: 1\ndaily_reset: { at: \"17:00\" }\n",
                        "daily_reset.at: at: unknown key (allowed: enabled, time)"),
                arguments("session.enabled must be a boolean",
                        SESSION_HEAD + REGULAR_SESSION + "  enabled: 1\n",
                        "session.enabled: 1: must be true or false"),
                arguments("session.start is required",
                        SESSION_HEAD + "  end: \"15:00\"\n  days: [MON]\n",
                        "session.start: <missing>: is required"),
                arguments("session.end is required",
                        SESSION_HEAD + "  start: \"08:30\"\n  days: [MON]\n",
                        "session.end: <missing>: is required"),
                arguments("session.days is required",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:00\"\n",
                        "session.days: <missing>: is required"),
                arguments("session.start must be quoted",
                        SESSION_HEAD + "  start: 08:30\n  end: \"15:00\"\n  days: [MON]\n",
                        "session.start: 08:30: " + HH_MM),
                arguments("session.end 15:60 is not a time",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:60\"\n  days: [MON]\n",
                        "session.end: 15:60: " + HH_MM),
                arguments("session.days must not be empty",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:00\"\n  days: []\n",
                        "session.days: <list>: must be a non-empty list of distinct days"),
                arguments("session.days must be distinct",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:00\"\n  days: [MON, TUE, MON]\n",
                        "session.days: <list>: must be a non-empty list of distinct days"),
                arguments("session.days must be a list",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:00\"\n  days: MON\n",
                        "session.days: MON: must be a non-empty list of distinct days"),
                arguments("a day name is upper case",
                        SESSION_HEAD + "  start: \"08:30\"\n  end: \"15:00\"\n  days: [MON, Tue]\n",
                        "session.days[1]: Tue: must be one of MON, TUE, WED, THU, FRI, SAT, SUN"),
                arguments("a holiday must be a valid date",
                        SESSION_HEAD + REGULAR_SESSION + "  holidays: [2026-11-26, 2026-02-30]\n",
                        "session.holidays[1]: 2026-02-30: must be a date YYYY-MM-DD"),
                arguments("a holiday must be a date, not a timestamp",
                        SESSION_HEAD + REGULAR_SESSION + "  holidays: [2026-11-26T00:00:00Z]\n",
                        "session.holidays[0]: 2026-11-26T00:00:00Z: must be a date YYYY-MM-DD"),
                arguments("holidays are distinct, whether written as dates or strings",
                        SESSION_HEAD + REGULAR_SESSION + "  holidays: [2026-11-26, \"2026-11-26\"]\n",
                        "session.holidays: <list>: must be a list of distinct dates"),
                arguments("holidays must be a list",
                        SESSION_HEAD + REGULAR_SESSION + "  holidays: 2026-11-26\n",
                        "session.holidays: 2026-11-26: must be a list of distinct dates"),
                arguments("an early_close key must be a date",
                        SESSION_HEAD + REGULAR_SESSION + "  early_close: { \"2026-11-31\": \"12:00\" }\n",
                        "session.early_close.\"2026-11-31\": 2026-11-31: must be a date YYYY-MM-DD"),
                arguments("an early_close time must be quoted",
                        SESSION_HEAD + REGULAR_SESSION + "  early_close: { \"2026-11-27\": 12:00 }\n",
                        "session.early_close.\"2026-11-27\": 12:00: " + HH_MM),
                arguments("an early_close date given twice is a duplicate key",
                        SESSION_HEAD + REGULAR_SESSION
                                + "  early_close: { 2026-11-27: \"12:00\", \"2026-11-27\": \"13:00\" }\n",
                        "session.early_close.\"2026-11-27\": 2026-11-27: duplicate key"),
                arguments("early_close must be a map",
                        SESSION_HEAD + REGULAR_SESSION + "  early_close: [2026-11-27]\n",
                        "session.early_close: <list>: must be a map"),
                arguments("close_grace_seconds above 3600",
                        SESSION_HEAD + REGULAR_SESSION + "  close_grace_seconds: 3601\n",
                        "session.close_grace_seconds: 3601: must be an integer from 0 to 3600"),
                arguments("negative close_grace_seconds",
                        SESSION_HEAD + REGULAR_SESSION + "  close_grace_seconds: -1\n",
                        "session.close_grace_seconds: -1: must be an integer from 0 to 3600"),
                arguments("an unknown key in session lists the allowed keys",
                        SESSION_HEAD + REGULAR_SESSION + "  timezone: UTC\n",
                        "session.timezone: timezone: unknown key (allowed: enabled, start, end, days, holidays,"
                                + " early_close, close_grace_seconds)"),
                arguments("an instruments key must be a root",
                        "version: 1\ninstruments: { es: { tick_size: 0.25, tick_value: 12.50 } }\n",
                        "instruments.es: es: must be a root of A-Z and 0-9"),
                arguments("an instrument must be a map",
                        "version: 1\ninstruments: { ES: 0.25 }\n",
                        "instruments.ES: 0.25: must be a map"),
                arguments("tick_size must be positive",
                        "version: 1\ninstruments: { ES: { tick_size: 0, tick_value: 12.50 } }\n",
                        "instruments.ES.tick_size: 0: must be a decimal > 0"),
                arguments("tick_value must be a number, not a string",
                        "version: 1\ninstruments: { ES: { tick_size: 0.25, tick_value: \"12.50\" } }\n",
                        "instruments.ES.tick_value: 12.50: must be a decimal > 0"),
                arguments("tick_value is required",
                        "version: 1\ninstruments: { ES: { tick_size: 0.25 } }\n",
                        "instruments.ES.tick_value: <missing>: is required"),
                arguments("an unknown key in an instrument lists the allowed keys",
                        "version: 1\ninstruments: { ES: { tick_size: 0.25, tick_value: 12.50, point_value: 50 } }\n",
                        "instruments.ES.point_value: point_value: unknown key (allowed: tick_size, tick_value)"),
                arguments("an aliases key must be a root",
                        "version: 1\naliases: { \"E-P\": ES }\n",
                        "aliases.\"E-P\": E-P: must be a root of A-Z and 0-9"),
                arguments("an aliases value must be a root",
                        "version: 1\naliases: { EP: es }\n",
                        "aliases.EP: es: must be a root of A-Z and 0-9"),
                arguments("aliases must be a map",
                        "version: 1\naliases: [EP, ES]\n",
                        "aliases: <list>: must be a map"),
                arguments("quotes.max_age_seconds of 0",
                        "version: 1\nquotes: { max_age_seconds: 0 }\n",
                        "quotes.max_age_seconds: 0: must be an integer from 1 to 3600"),
                arguments("a quoted quotes.max_age_seconds is a string",
                        "version: 1\nquotes: { max_age_seconds: \"5\" }\n",
                        "quotes.max_age_seconds: 5: must be an integer from 1 to 3600"),
                arguments("an unknown key in quotes lists the allowed keys",
                        "version: 1\nquotes: { max_age: 5 }\n",
                        "quotes.max_age: max_age: unknown key (allowed: max_age_seconds)"),
                arguments("rules must be a map",
                        "version: 1\nrules: [max_contracts]\n",
                        "rules: <list>: must be a map"),
                arguments("an explicit null where a map is expected",
                        "version: 1\nrules:\n",
                        "rules: null: must be a map"),
                arguments("an unknown rule name lists the 13 rules",
                        "version: 1\nrules: { max_position: { limit: 3 } }\n",
                        "rules.max_position: max_position: unknown key (allowed: max_contracts,"
                                + " max_contracts_per_instrument, daily_realized_loss, daily_unrealized_loss,"
                                + " max_unrealized_profit, trade_frequency_limit, cooldown_after_loss, no_stop_loss_grace,"
                                + " session_block_outside, auth_loss_guard, symbol_blocks, trade_management,"
                                + " daily_realized_profit)"),
                arguments("accounts must be a map",
                        "version: 1\naccounts: [1001]\n",
                        "accounts: <list>: must be a map"),
                arguments("an account id must be an integer",
                        "version: 1\naccounts: { abc: {} }\n",
                        "accounts.abc: abc: must be a positive integer account id"),
                arguments("an account id must be positive",
                        "version: 1\naccounts: { 0: {} }\n",
                        "accounts.\"0\": 0: must be a positive integer account id"),
                arguments("an account id must be written in decimal",
                        "version: 1\naccounts: { \"01001\": {} }\n",
                        "accounts.\"01001\": 01001: must be a positive integer account id"),
                arguments("an account given as integer and as string is a duplicate key",
                        "version: 1\naccounts: { 1001: {}, \"1001\": {} }\n",
                        "accounts.\"1001\": 1001: duplicate key"),
                arguments("an account must be a map",
                        "version: 1\naccounts: { \"1001\": -300.00 }\n",
                        "accounts.\"1001\": -300.00: must be a map"),
                arguments("an account holds only rules",
                        "version: 1\naccounts: { \"1001\": { timezone: UTC } }\n",
                        "accounts.\"1001\".timezone: timezone: unknown key (allowed: rules)"),
                arguments("an unknown top-level key lists the allowed keys",
                        "version: 1\nsymbols: [ES]\n",
                        "symbols: symbols: unknown key (allowed: version, timezone, daily_reset, session,"
                                + " instruments, aliases, quotes, rules, accounts)"),
                arguments("a repeated top-level key is a duplicate key",
                        "version: 1\nversion: 2\n",
                        "version: version: duplicate key"),
                arguments("a YAML merge key is an unknown key",
                        "version: 1\nquotes: &q { max_age_seconds: 5 }\ndaily_reset: { <<: *q }\n",
                        "daily_reset.\"<<\": <<: unknown key (allowed: enabled, time)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsTheKeyWithItsPathValueAndAllowedValues(String why, String yaml, String expected) {
        assertThat(rejection(yaml)).isEqualTo(PREFIX + expected);
    }

    @Test
    void rejectsAnUnquotedSeventeenHundredAsTheYamlIntegerItIsShowingItAsWritten() {
        assertThat(rejection("version: 7\ndaily_reset: { enabled: true, time: 17:00 }\n"))
                .isEqualTo("riskguard: invalid config risk.yaml: daily_reset.time: 17:00:"
                        + " must be a quoted string \"HH:MM\" from 00:00 to 23:59");
    }

    @Test
    void exposesTheFileThePathTheValueAndTheAllowedValues() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("version: 1\nquotes: { max_age_seconds: 0 }\n", "control-topic"));

        assertThat(e.file()).isEqualTo("control-topic");
        assertThat(e.path()).isEqualTo("quotes.max_age_seconds");
        assertThat(e.value()).isEqualTo("0");
        assertThat(e.allowed()).isEqualTo("must be an integer from 1 to 3600");
        assertThat(e.getMessage()).isEqualTo("riskguard: invalid config control-topic: quotes.max_age_seconds: 0:"
                + " must be an integer from 1 to 3600");
    }
}
