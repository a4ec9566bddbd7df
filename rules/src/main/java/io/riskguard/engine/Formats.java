package io.riskguard.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The number and time formats of reasons and action fields (RULES.md §1.1). */
public final class Formats {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {}

    /** Two decimals, half-up: {@code -302.96}, {@code 1000.00}. */
    public static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Exact, trailing zeros removed, plain notation: {@code 21000.25}, {@code 6000}. */
    public static String price(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in {@code zone}. */
    public static String local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).format(LOCAL);
    }
}
