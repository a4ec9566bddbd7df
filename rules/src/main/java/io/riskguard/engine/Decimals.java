package io.riskguard.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Division as RULES.md §1.1 defines it: exact when the quotient terminates, else 34 significant
 * digits half-even ({@link MathContext#DECIMAL128}). {@code BigDecimal.divide(x, DECIMAL128)} gives
 * those values but strips trailing zeros digit by digit, which costs tens of microseconds per call;
 * divisors here are tick sizes, so the exact reciprocal of each (when it terminates) is cached and
 * the division becomes a multiplication with the same value.
 */
public final class Decimals {

    private static final BigInteger TWO = BigInteger.valueOf(2);
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Map<BigDecimal, Optional<BigDecimal>> RECIPROCALS = new ConcurrentHashMap<>();

    private Decimals() {}

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        Optional<BigDecimal> reciprocal = RECIPROCALS.computeIfAbsent(divisor, Decimals::exactReciprocal);
        return reciprocal.isPresent()
                ? dividend.multiply(reciprocal.get())
                : dividend.divide(divisor, MathContext.DECIMAL128);
    }

    /** The nearest multiple of {@code tick} in direction {@code mode} (FLOOR or CEILING). */
    public static BigDecimal ontoGrid(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        Optional<BigDecimal> reciprocal = RECIPROCALS.computeIfAbsent(tick, Decimals::exactReciprocal);
        BigDecimal ticks = reciprocal.isPresent()
                ? price.multiply(reciprocal.get()).setScale(0, mode)
                : price.divide(tick, 0, mode);
        return ticks.multiply(tick);
    }

    /** {@code (a + b) / 2}, always exact. */
    public static BigDecimal mid(BigDecimal a, BigDecimal b) {
        return a.add(b).multiply(HALF);
    }

    /** {@code 1/d} when it terminates: the unscaled value of {@code d} has no prime factors but 2 and 5. */
    private static Optional<BigDecimal> exactReciprocal(BigDecimal d) {
        if (d.signum() == 0) {
            return Optional.empty();
        }
        BigInteger n = d.unscaledValue().abs();
        while (n.mod(TWO).signum() == 0) {
            n = n.divide(TWO);
        }
        while (n.mod(FIVE).signum() == 0) {
            n = n.divide(FIVE);
        }
        return n.equals(BigInteger.ONE) ? Optional.of(BigDecimal.ONE.divide(d)) : Optional.empty();
    }
}
