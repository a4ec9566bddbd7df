package io.riskguard.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} restricted to text ending in {@code Z}. The usual shape
 * {@code yyyy-MM-ddTHH:mm:ss[.f]Z} is decoded by hand because {@code Instant.parse} costs about as
 * much as parsing the whole event line; anything else goes to {@code Instant.parse} itself.
 */
final class UtcInstants {

    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private UtcInstants() {
    }

    /** The instant, or null when the text is not an ISO-8601 instant ending in {@code Z}. */
    static Instant parse(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(n - 1) != 'Z') {
            return null;
        }
        Instant common = parseCommonShape(text);
        if (common != null) {
            return common;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Null unless the text has the usual shape with in-range fields (the fallback then decides). */
    static Instant parseCommonShape(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        int nanos = n > 20 ? fraction * NANO_SCALE[n - 21] : 0;
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of s[from, to), or -1 if any character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
