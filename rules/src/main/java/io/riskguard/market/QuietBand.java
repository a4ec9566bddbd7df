package io.riskguard.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The marks of one contract at which an account's price rules (RULE-004, RULE-005, RULE-012) cannot
 * emit anything for its position: the open interval ({@code low}, {@code high}), as long as the
 * quote's time is before {@code until} (null: until the account's next trigger recomputes it). A
 * quote whose mark is inside need not be delivered to the account (RULES.md §1.3 still counts it as
 * a trigger; it would decide nothing).
 *
 * <p>Edges are doubles so an index can sort and compare them cheaply. A band built from an exact
 * decimal edge is pulled inwards by a margin far larger than any rounding of the mark's conversion
 * to double or of the rules' 34-digit arithmetic, so "inside" is always safe; a mark in the sliver
 * between the exact edge and the margin is merely delivered and evaluated exactly.
 */
public record QuietBand(double low, double high, Instant until) {

    /** Quiet at every mark until the account's next trigger. */
    public static final QuietBand ALWAYS = new QuietBand(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);

    /** Never quiet: every quote must be delivered. */
    public static final QuietBand NEVER = new QuietBand(Double.NaN, Double.NaN, null);

    private static final double RELATIVE_MARGIN = 1e-9;

    /** Quiet at every mark strictly above {@code edge}. */
    public static QuietBand above(BigDecimal edge) {
        return above(edge.doubleValue());
    }

    /** Quiet at every mark strictly above {@code edge} (within a few ulps of the exact edge). */
    public static QuietBand above(double edge) {
        return new QuietBand(edge + margin(edge), Double.POSITIVE_INFINITY, null);
    }

    /** Quiet at every mark strictly below {@code edge}. */
    public static QuietBand below(BigDecimal edge) {
        return below(edge.doubleValue());
    }

    /** Quiet at every mark strictly below {@code edge} (within a few ulps of the exact edge). */
    public static QuietBand below(double edge) {
        return new QuietBand(Double.NEGATIVE_INFINITY, edge - margin(edge), null);
    }

    /** Quiet at every mark, but only before {@code until} (null: until the next trigger). */
    public static QuietBand until(Instant until) {
        return new QuietBand(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, until);
    }

    private static double margin(double edge) {
        return RELATIVE_MARGIN * Math.max(1.0, Math.abs(edge));
    }

    /** The marks quiet for both bands, until the earlier of their ends. */
    public QuietBand and(QuietBand other) {
        if (isNever() || other.isNever()) {
            return NEVER;
        }
        Instant end = until == null ? other.until : other.until == null || until.isBefore(other.until) ? until
                : other.until;
        return new QuietBand(Math.max(low, other.low), Math.min(high, other.high), end);
    }

    /** The same band, valid only before {@code instant} as well (null: no further limit). */
    public QuietBand endingBy(Instant instant) {
        return instant == null ? this : and(until(instant));
    }

    /** True when a quote of {@code mark} at {@code t} cannot make the rules emit. */
    public boolean quietAt(double mark, Instant t) {
        return low < mark && mark < high && (until == null || t.isBefore(until));
    }


    /** Quiet at every mark with no end: nothing a quote does matters until the next trigger. */
    public boolean isAlways() {
        return low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY && until == null;
    }

    /** Contains no mark at all (e.g. the edges crossed): every quote must be delivered. */
    public boolean isNever() {
        return !(low < high);
    }
}
