package io.riskguard.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The global part of a config file after key validation, with what the cross-key checks and the
 * per-account merge still need: document order of maps, origins of values and the raw nodes.
 *
 * @param session null when the block is absent
 * @param earlyClose {@code session.early_close} in document order (empty without a session)
 * @param instrumentsNode null when {@code instruments} is absent
 * @param aliases in document order
 * @param rulesNode the global {@code rules} node, null when absent
 * @param rules the global rule set and its origins
 * @param accountOverrides the {@code rules} node of each account (null when it has none), in document order
 * @param sources origins of top-level values ({@code session.end}, {@code aliases.EP}, ...)
 */
record ConfigDocument(
        int version,
        ZoneId timezone,
        DailyResetConfig dailyReset,
        SessionConfig session,
        Map<LocalDate, LocalTime> earlyClose,
        Map<String, Instrument> instruments,
        YamlNode instrumentsNode,
        Map<String, String> aliases,
        int quoteMaxAgeSeconds,
        YamlNode rulesNode,
        RulesReader.Read rules,
        Map<Long, YamlNode> accountOverrides,
        Sources sources) {}
