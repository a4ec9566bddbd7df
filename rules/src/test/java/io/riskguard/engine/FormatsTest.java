package io.riskguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** RULES.md §1.1: money with 2 decimals half-up; prices and ticks exact, stripped, plain. */
class FormatsTest {

    private static String money(String v) {
        return Formats.money(new BigDecimal(v));
    }

    private static String price(String v) {
        return Formats.price(new BigDecimal(v));
    }

    @Test
    void writesMoneyWithTwoDecimals() {
        assertThat(money("-302.96")).isEqualTo("-302.96");
        assertThat(money("1000")).isEqualTo("1000.00");
        assertThat(money("497.5")).isEqualTo("497.50");
        assertThat(money("-300.000")).isEqualTo("-300.00");
        assertThat(money("0")).isEqualTo("0.00");
    }

    @Test
    void roundsMoneyHalfUpAwayFromZero() {
        assertThat(money("2.345")).isEqualTo("2.35");
        assertThat(money("2.344999")).isEqualTo("2.34");
        assertThat(money("0.005")).isEqualTo("0.01");
        assertThat(money("-0.005")).isEqualTo("-0.01");
        assertThat(money("-2.345")).isEqualTo("-2.35");
        assertThat(money("-2.3449")).isEqualTo("-2.34");
    }

    @Test
    void roundsMoneyHalfUpNotHalfEven() {
        assertThat(money("0.125")).isEqualTo("0.13");
        assertThat(money("-0.125")).isEqualTo("-0.13");
    }

    @Test
    void writesATinyNegativeThatRoundsToZeroWithoutAMinusSign() {
        assertThat(money("-0.004")).isEqualTo("0.00");
    }

    @Test
    void writesMoneyInPlainNotation() {
        assertThat(money("1E+3")).isEqualTo("1000.00");
        assertThat(money("-1.5E+4")).isEqualTo("-15000.00");
    }

    @Test
    void roundsANonTerminatingDecimal128QuotientToCents() {
        BigDecimal u = new BigDecimal("-8.9").divide(new BigDecimal("0.03"), MathContext.DECIMAL128);
        assertThat(Formats.money(u)).isEqualTo("-296.67");
        assertThat(Formats.money(u.negate())).isEqualTo("296.67");
    }

    @Test
    void writesPricesWithoutTrailingZeros() {
        assertThat(price("6000.00")).isEqualTo("6000");
        assertThat(price("21000.25")).isEqualTo("21000.25");
        assertThat(price("21000.250")).isEqualTo("21000.25");
        assertThat(price("21001.50")).isEqualTo("21001.5");
        assertThat(price("0.10")).isEqualTo("0.1");
    }

    @Test
    void writesPricesInPlainNotationNeverScientific() {
        assertThat(price("1E+3")).isEqualTo("1000");
        assertThat(price("21000")).isEqualTo("21000");
        assertThat(price("2.1E+4")).isEqualTo("21000");
        assertThat(price("0.0000001")).isEqualTo("0.0000001");
    }

    @Test
    void writesTicksExactlyIncludingFractions() {
        assertThat(price("12.000")).isEqualTo("12");
        assertThat(price("4.5")).isEqualTo("4.5");
        assertThat(price("-4.50")).isEqualTo("-4.5");
        assertThat(price("0.00")).isEqualTo("0");
    }
}
