package io.riskguard.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates every key of a config document in document order (RULES.md §4.2), including the keys
 * of account overrides where they appear, and reads the global values.
 */
final class DocumentReader {

    static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("America/Chicago");
    static final int DEFAULT_QUOTE_MAX_AGE_SECONDS = 5;

    private static final String DAYS_TEXT = "must be a non-empty list of distinct days";
    private static final String HOLIDAYS_TEXT = "must be a list of distinct dates";

    private static final Function<YamlNode, DayOfWeek> DAY = Scalars.oneOf(dayNames());

    private final Sources sources = new Sources();
    private final Map<LocalDate, LocalTime> earlyClose = new LinkedHashMap<>();
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<Long, YamlNode> accountOverrides = new LinkedHashMap<>();

    private DocumentReader() {}

    static ConfigDocument read(YamlNode.MapNode root) {
        return new DocumentReader().readDocument(root);
    }

    private ConfigDocument readDocument(YamlNode.MapNode root) {
        Fields doc = Fields.read(root, new Schema()
                .required("version", Scalars.integerAtLeast(1))
                .optional("timezone", Scalars::timezone)
                .optional("daily_reset", this::dailyReset)
                .optional("session", this::session)
                .optional("instruments", this::instruments)
                .optional("aliases", this::aliases)
                .optional("quotes", this::quotes)
                .optional("rules", RulesReader::read)
                .optional("accounts", this::accounts));
        return new ConfigDocument(
                doc.get("version", null),
                doc.get("timezone", DEFAULT_TIMEZONE),
                doc.get("daily_reset", DailyResetConfig.DEFAULT),
                doc.get("session", null),
                earlyClose,
                instruments,
                doc.node("instruments"),
                aliases,
                doc.get("quotes", DEFAULT_QUOTE_MAX_AGE_SECONDS),
                doc.node("rules"),
                doc.get("rules", RulesReader.read(null)),
                accountOverrides,
                sources);
    }

    private DailyResetConfig dailyReset(YamlNode node) {
        Fields f = Fields.read(node, new Schema()
                .optional("enabled", Scalars::bool)
                .optional("time", Scalars::hhmm));
        return new DailyResetConfig(f.get("enabled", true), f.get("time", DailyResetConfig.DEFAULT.time()));
    }

    private SessionConfig session(YamlNode node) {
        Fields f = Fields.read(node, new Schema()
                .optional("enabled", Scalars::bool)
                .required("start", Scalars::hhmm)
                .required("end", Scalars::hhmm)
                .required("days", DocumentReader::days)
                .optional("holidays", DocumentReader::holidays)
                .optional("early_close", this::earlyClose)
                .optional("close_grace_seconds", Scalars.integer(0, 3600)));
        sources.put("session", f);
        return new SessionConfig(
                f.get("enabled", true),
                f.get("start", null),
                f.get("end", null),
                f.get("days", null),
                f.get("holidays", Set.<LocalDate>of()),
                earlyClose,
                f.get("close_grace_seconds", 60));
    }

    private static Set<DayOfWeek> days(YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list)) {
            throw node.problem(DAYS_TEXT);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (YamlNode item : list.items()) {
            if (!days.add(DAY.apply(item))) {
                throw node.problem(DAYS_TEXT);
            }
        }
        if (days.isEmpty()) {
            throw node.problem(DAYS_TEXT);
        }
        return days;
    }

    private static Set<LocalDate> holidays(YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list)) {
            throw node.problem(HOLIDAYS_TEXT);
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (YamlNode item : list.items()) {
            if (!holidays.add(Scalars.date(item))) {
                throw node.problem(HOLIDAYS_TEXT);
            }
        }
        return holidays;
    }

    private Map<LocalDate, LocalTime> earlyClose(YamlNode node) {
        MapWalker.walk(node, Scalars::date, (date, entry) -> {
            earlyClose.put(date, Scalars.hhmm(entry.value()));
            sources.put("session.early_close." + date, Source.of(entry.value()));
        });
        return earlyClose;
    }

    private Map<String, Instrument> instruments(YamlNode node) {
        MapWalker.walk(node, Scalars::root, (root, entry) -> {
            Fields f = Fields.read(entry.value(), new Schema()
                    .required("tick_size", Scalars::positiveDecimal)
                    .required("tick_value", Scalars::positiveDecimal));
            instruments.put(root, new Instrument(f.get("tick_size", null), f.get("tick_value", null)));
            sources.put("instruments." + root, Source.of(entry.value()));
        });
        return instruments;
    }

    private Map<String, String> aliases(YamlNode node) {
        MapWalker.walk(node, Scalars::root, (root, entry) -> {
            aliases.put(root, Scalars.root(entry.value()));
            sources.put("aliases." + root, Source.of(entry.value()));
        });
        return aliases;
    }

    private int quotes(YamlNode node) {
        Fields f = Fields.read(node, new Schema().optional("max_age_seconds", Scalars.integer(1, 3600)));
        return f.get("max_age_seconds", DEFAULT_QUOTE_MAX_AGE_SECONDS);
    }

    /** Validates each override's keys here, in document order; merging and cross checks come later. */
    private Map<Long, YamlNode> accounts(YamlNode node) {
        MapWalker.walk(node, Scalars::accountId, (id, entry) -> {
            Fields f = Fields.read(entry.value(), new Schema().optional("rules", RulesReader::read));
            accountOverrides.put(id, f.node("rules"));
        });
        return accountOverrides;
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            names.put(day.name().substring(0, 3), day);
        }
        return names;
    }
}
