package io.riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.market.QuietBand;
import io.riskguard.state.MemoryAccountState;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each price rule's quiet band (RULE-004, RULE-005, RULE-012), tested as a property over thousands
 * of random holders: at any mark inside the band the rule emits nothing, and (RULE-012) a run of
 * such marks, moving the best mark as it goes, emits nothing either. The bands are also tight where
 * the rule is a plain threshold: one tick beyond the edge, RULE-004 and RULE-005 close.
 */
class QuietBandPropertyTest {

    private static final int CASES = 3_000;
    private static final RiskEngine ENGINE = new RiskEngine();

    private static final RandomHolder.RuleValues LOSS = r ->
            "daily_unrealized_loss: { limit: -" + (1 + r.nextInt(800)) + "." + r.nextInt(10) + "0 }";
    private static final RandomHolder.RuleValues PROFIT = r ->
            "max_unrealized_profit: { target: " + (1 + r.nextInt(800)) + "." + r.nextInt(10) + "5 }";
    private static final RandomHolder.RuleValues MANAGEMENT = r -> {
        int trigger = 1 + r.nextInt(10);
        String breakeven = "breakeven: { trigger_ticks: " + trigger + ", offset_ticks: " + r.nextInt(trigger) + " }";
        String trailing = "trailing: { activation_ticks: " + (1 + r.nextInt(16)) + ", trail_ticks: "
                + (1 + r.nextInt(8)) + " }";
        return "trade_management: { " + switch (r.nextInt(3)) {
            case 0 -> breakeven;
            case 1 -> trailing;
            default -> breakeven + ", " + trailing;
        } + " }";
    };

    private static final RandomHolder.RuleValues ONE_PART = r -> {
        int trigger = 1 + r.nextInt(10);
        return "trade_management: { " + (r.nextBoolean()
                ? "breakeven: { trigger_ticks: " + trigger + ", offset_ticks: " + r.nextInt(trigger) + " }"
                : "trailing: { activation_ticks: " + (1 + r.nextInt(16)) + ", trail_ticks: " + (1 + r.nextInt(8)) + " }")
                + " }";
    };

    @Nested
    class Rule004 {

        private final Rule004DailyUnrealizedLoss rule = new Rule004DailyUnrealizedLoss();

        @Test
        void atNoMarkInsideItsBandDoesRule004CloseThePosition() {
            int marks = checkEveryMarkInsideIsQuiet(LOSS, (h, s) -> rule.quietBand(h.view(s, RandomHolder.T), h.position(s)));
            assertThat(marks).isGreaterThan(CASES * 5);
        }

        @Test
        void oneTickBeyondTheBandRule004Closes() {
            checkOneTickBeyondTheEdgeCloses(LOSS, (h, s) -> rule.quietBand(h.view(s, RandomHolder.T), h.position(s)));
        }
    }

    @Nested
    class Rule005 {

        private final Rule005MaxUnrealizedProfit rule = new Rule005MaxUnrealizedProfit();

        @Test
        void atNoMarkInsideItsBandDoesRule005CloseThePosition() {
            int marks = checkEveryMarkInsideIsQuiet(PROFIT, (h, s) -> rule.quietBand(h.view(s, RandomHolder.T), h.position(s)));
            assertThat(marks).isGreaterThan(CASES * 5);
        }

        @Test
        void oneTickBeyondTheBandRule005Closes() {
            checkOneTickBeyondTheEdgeCloses(PROFIT, (h, s) -> rule.quietBand(h.view(s, RandomHolder.T), h.position(s)));
        }
    }

    @Nested
    class Rule012 {

        private final Rule012TradeManagement rule = new Rule012TradeManagement();

        @Test
        void atNoMarkInsideItsBandDoesRule012MoveTheStop() {
            int marks = checkEveryMarkInsideIsQuiet(MANAGEMENT, (h, s) -> rule.quietBand(h.view(s, RandomHolder.T),
                    h.position(s)));
            assertThat(marks).isGreaterThan(CASES * 5);
        }

        @Test
        void aRunOfMarksInsideTheBandMovesTheBestMarkButNeverTheStop() {
            int runs = 0;
            for (long seed = 1; seed <= CASES; seed++) {
                RandomHolder h = new RandomHolder(seed, MANAGEMENT);
                MemoryAccountState s = h.state();
                QuietBand band = rule.quietBand(h.view(s, RandomHolder.T), h.position(s));
                List<BigDecimal> marks = h.marksInside(band, 20);
                Instant t = RandomHolder.T;
                for (BigDecimal mark : marks) {
                    if (!band.quietAt(mark.doubleValue(), t)) {
                        break; // the band has ended (a lock or a modification in flight expired)
                    }
                    Decision d = h.quoteAt(ENGINE, s, mark, t);
                    assertThat(d.actions()).as("%s, run of marks, at %s (band %s, best now %s)", h, mark, band,
                            h.position(s).best()).isEmpty();
                    t = t.plusMillis(100);
                }
                runs += marks.isEmpty() ? 0 : 1;
            }
            assertThat(runs).isGreaterThan(CASES / 2);
        }

        /**
         * With break-even alone or trailing alone the band is exact to the tick: within one tick
         * beyond its edge the stop moves. (With both parts it can be wider than needed: where
         * trailing has a candidate above the mark, break-even's trigger still ends the band.)
         */
        @Test
        void withOnePartWithinOneTickBeyondAFiniteEdgeTheStopMoves() {
            int finite = 0;
            for (long seed = 1; seed <= CASES; seed++) {
                RandomHolder h = new RandomHolder(seed, ONE_PART);
                MemoryAccountState s = h.state();
                QuietBand band = rule.quietBand(h.view(s, RandomHolder.T), h.position(s));
                boolean isLong = h.position(s).dir() > 0;
                double edge = isLong ? band.high() : band.low();
                if (Double.isInfinite(edge) || band.until() != null) {
                    continue;
                }
                finite++;
                BigDecimal at = BigDecimal.valueOf(edge).setScale(8, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
                boolean moved = false;
                for (int quarter = 0; quarter <= 4 && !moved; quarter++) {
                    BigDecimal step = h.ticks(isLong ? quarter : -quarter).divide(BigDecimal.valueOf(4));
                    moved = !h.quoteAt(ENGINE, h.state(), at.add(step), RandomHolder.T).actions().isEmpty();
                }
                assertThat(moved).as("%s %s: within a tick beyond %s", h, isLong ? "long" : "short", band).isTrue();
            }
            assertThat(finite).isGreaterThan(CASES / 5);
        }
    }

    interface BandOf {
        QuietBand of(RandomHolder holder, MemoryAccountState state);
    }

    /** Returns how many marks were checked. */
    private static int checkEveryMarkInsideIsQuiet(RandomHolder.RuleValues values, BandOf bandOf) {
        int checked = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            RandomHolder h = new RandomHolder(seed, values);
            QuietBand band = bandOf.of(h, h.state());
            for (BigDecimal mark : h.marksInside(band, 12)) {
                Decision d = h.quoteAt(ENGINE, h.state(), mark, RandomHolder.T);
                assertThat(d.actions()).as("%s: mark %s inside band %s", h, mark, band).isEmpty();
                checked++;
            }
        }
        return checked;
    }

    private static void checkOneTickBeyondTheEdgeCloses(RandomHolder.RuleValues values, BandOf bandOf) {
        int edges = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            RandomHolder h = new RandomHolder(seed, values);
            MemoryAccountState s = h.state();
            QuietBand band = bandOf.of(h, s);
            if (band.until() != null) {
                continue; // a close is in flight: quiet at every mark until it expires
            }
            PositionState p = h.position(s);
            for (double edge : new double[] {band.low(), band.high()}) {
                if (Double.isInfinite(edge)) {
                    continue;
                }
                boolean belowIsOutside = edge == band.low();
                BigDecimal beyond = BigDecimal.valueOf(edge).add(h.ticks(belowIsOutside ? -1 : 1));
                if (beyond.signum() <= 0) {
                    continue;
                }
                Decision d = h.quoteAt(ENGINE, h.state(), beyond, RandomHolder.T);
                assertThat(d.actions()).as("%s %s: mark %s one tick beyond %s", h, p.dir() > 0 ? "long" : "short",
                        beyond, band).isNotEmpty();
                edges++;
            }
        }
        assertThat(edges).isGreaterThan(CASES / 2);
    }
}
