package io.riskguard.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Readers of single values (RULES.md §4.2, §4.3). Each returns the typed value or throws a {@link
 * ConfigProblem} at the node's path. Numbers are read from their literal text, which must be plain
 * decimal notation (no {@code 0x}, octal, {@code 1_000}, exponent or sexagesimal forms).
 */
final class Scalars {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)([smh])");
    private static final Pattern ROOT = Pattern.compile("[A-Z0-9]+");
    private static final Pattern SYMBOL_PATTERN = Pattern.compile("[A-Za-z0-9*?]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[1-9][0-9]*");
    // EST, MST, HST and similar are resolvable by ZoneId.of but are not Area/Location ids
    private static final Pattern ZONE_ID = Pattern.compile("UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+)+");

    static final String DECIMAL_NEGATIVE = "must be a decimal < 0";
    static final String DECIMAL_POSITIVE = "must be a decimal > 0";
    static final String BOOL = "must be true or false";
    static final String HH_MM_TEXT = "must be a quoted string \"HH:MM\" from 00:00 to 23:59";
    static final String DATE_TEXT = "must be a date YYYY-MM-DD";
    static final String ZONE_TEXT = "must be an IANA zone id (Area/Location) or UTC";
    static final String DURATION_TEXT = "must be a duration <n>s, <n>m or <n>h of at most 24h, or until_reset";
    static final String ROOT_TEXT = "must be a root of A-Z and 0-9";
    static final String PATTERN_TEXT = "must be a pattern of A-Z, a-z, 0-9, * and ?";
    static final String ACCOUNT_TEXT = "must be a positive integer account id";

    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final long MAX_DURATION_SECONDS = 86_400;

    private Scalars() {}

    /** Integer from {@code min} to {@code max}; {@code max} = {@code Integer.MAX_VALUE} means no upper bound. */
    static Function<YamlNode, Integer> integer(int min, int max) {
        String allowed = max == Integer.MAX_VALUE
                ? "must be an integer >= " + min
                : "must be an integer from " + min + " to " + max;
        return node -> {
            String text = literal(node, allowed);
            YamlNode.Scalar scalar = (YamlNode.Scalar) node;
            if (!Tag.INT.equals(scalar.tag()) || !INTEGER.matcher(text).matches()) {
                throw node.problem(allowed);
            }
            BigInteger value = new BigInteger(text);
            if (value.compareTo(MAX_INT) > 0) {
                throw node.problem("must be an integer from " + min + " to " + max);
            }
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                throw node.problem(allowed);
            }
            return value.intValueExact();
        };
    }

    static Function<YamlNode, Integer> integerAtLeast(int min) {
        return integer(min, Integer.MAX_VALUE);
    }

    /** A decimal strictly below 0; an integer literal is accepted. The scale is kept as written. */
    static BigDecimal negativeDecimal(YamlNode node) {
        BigDecimal value = decimal(node, DECIMAL_NEGATIVE);
        if (value.signum() >= 0) {
            throw node.problem(DECIMAL_NEGATIVE);
        }
        return value;
    }

    static BigDecimal positiveDecimal(YamlNode node) {
        BigDecimal value = decimal(node, DECIMAL_POSITIVE);
        if (value.signum() <= 0) {
            throw node.problem(DECIMAL_POSITIVE);
        }
        return value;
    }

    private static BigDecimal decimal(YamlNode node, String allowed) {
        String text = literal(node, allowed);
        Tag tag = ((YamlNode.Scalar) node).tag();
        if (!(Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) || !DECIMAL.matcher(text).matches()) {
            throw node.problem(allowed);
        }
        return new BigDecimal(text);
    }

    static boolean bool(YamlNode node) {
        String text = literal(node, BOOL);
        if (Tag.BOOL.equals(((YamlNode.Scalar) node).tag())) {
            switch (text) {
                case "true", "True", "TRUE":
                    return true;
                case "false", "False", "FALSE":
                    return false;
                default:
                    break; // yes/no/on/off are YAML 1.1 booleans we do not accept
            }
        }
        throw node.problem(BOOL);
    }

    /** One of the spellings, case-sensitive, listed in the message in the given order. */
    static <T> Function<YamlNode, T> oneOf(Map<String, T> bySpelling) {
        String allowed = "must be one of " + String.join(", ", bySpelling.keySet());
        return node -> {
            T value = bySpelling.get(literal(node, allowed));
            if (value == null) {
                throw node.problem(allowed);
            }
            return value;
        };
    }

    /** Spellings of an enum: its constant names in lower case, in declaration order. */
    static <E extends Enum<E>> Function<YamlNode, E> lowerCaseEnum(E[] constants) {
        Map<String, E> bySpelling = new LinkedHashMap<>();
        for (E constant : constants) {
            bySpelling.put(constant.name().toLowerCase(java.util.Locale.ROOT), constant);
        }
        return oneOf(bySpelling);
    }

    /** {@code "HH:MM"}; must be quoted because YAML 1.1 reads a plain {@code 17:00} as the integer 1020. */
    static LocalTime hhmm(YamlNode node) {
        String text = literal(node, HH_MM_TEXT);
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        Matcher m = HH_MM.matcher(text);
        if (!scalar.quoted() || !Tag.STR.equals(scalar.tag()) || !m.matches()) {
            throw node.problem(HH_MM_TEXT);
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** {@code YYYY-MM-DD}, written as a YAML date or a string. */
    static LocalDate date(YamlNode node) {
        String text = literal(node, DATE_TEXT);
        Tag tag = ((YamlNode.Scalar) node).tag();
        if (!(Tag.TIMESTAMP.equals(tag) || Tag.STR.equals(tag)) || !DATE.matcher(text).matches()) {
            throw node.problem(DATE_TEXT);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw node.problem(DATE_TEXT);
        }
    }

    static ZoneId timezone(YamlNode node) {
        String text = literal(node, ZONE_TEXT);
        if (!ZONE_ID.matcher(text).matches()) {
            throw node.problem(ZONE_TEXT);
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw node.problem(ZONE_TEXT);
        }
    }

    /** §4.3: {@code <n>s}, {@code <n>m}, {@code <n>h} with n >= 1 and at most 24 h, or {@code until_reset}. */
    static LockDuration duration(YamlNode node) {
        String text = literal(node, DURATION_TEXT);
        if (LockDuration.UNTIL_RESET.equals(text)) {
            return LockDuration.untilReset();
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw node.problem(DURATION_TEXT);
        }
        long unit = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            default -> 3600;
        };
        BigInteger seconds = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unit));
        if (seconds.compareTo(BigInteger.valueOf(MAX_DURATION_SECONDS)) > 0) {
            throw node.problem(DURATION_TEXT);
        }
        return LockDuration.of(Duration.ofSeconds(seconds.longValueExact()), text);
    }

    /** A symbol root; any scalar whose text matches, so {@code NO} or {@code 6E} work unquoted. */
    static String root(YamlNode node) {
        String text = literal(node, ROOT_TEXT);
        if (!ROOT.matcher(text).matches()) {
            throw node.problem(ROOT_TEXT);
        }
        return text;
    }

    static String symbolPattern(YamlNode node) {
        String text = literal(node, PATTERN_TEXT);
        if (!SYMBOL_PATTERN.matcher(text).matches()) {
            throw node.problem(PATTERN_TEXT);
        }
        return text;
    }

    /** A positive account id, written as a YAML integer or a string. */
    static long accountId(YamlNode node) {
        String text = literal(node, ACCOUNT_TEXT);
        if (!ACCOUNT_ID.matcher(text).matches()
                || new BigInteger(text).compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            throw node.problem(ACCOUNT_TEXT);
        }
        return Long.parseLong(text);
    }

    /** The literal text of a non-null scalar, or the problem {@code allowed} at the node. */
    private static String literal(YamlNode node, String allowed) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw node.problem(allowed);
    }
}
