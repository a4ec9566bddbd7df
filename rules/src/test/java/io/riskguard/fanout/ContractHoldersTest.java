package io.riskguard.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.market.QuietBand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ContractHoldersTest {

    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    private static List<Long> crossed(ContractHolders h, double mark, Instant t) {
        TreeSet<Long> out = new TreeSet<>();
        List<Long> all = new ArrayList<>();
        h.crossed(mark, t, t, a -> {
            all.add(a);
            out.add(a);
        });
        assertThat(all).as("each account once").hasSameSizeAs(out);
        return new ArrayList<>(out);
    }

    @Test
    void aMarkAtOrBeyondAnEdgeCrossesItAndAMarkStrictlyInsideDoesNot() {
        ContractHolders h = new ContractHolders();
        h.put(1, new QuietBand(100, 110, null));
        assertThat(crossed(h, 105, T)).isEmpty();
        assertThat(crossed(h, 100, T)).containsExactly(1L);
        assertThat(crossed(h, 110, T)).containsExactly(1L);
        assertThat(crossed(h, 99, T)).containsExactly(1L);
    }

    @Test
    void aBandThatHasEndedIsCrossedByAnyMark() {
        ContractHolders h = new ContractHolders();
        h.put(1, QuietBand.until(T.plusSeconds(10)));
        assertThat(crossed(h, 105, T.plusSeconds(9))).isEmpty();
        assertThat(crossed(h, 105, T.plusSeconds(10))).containsExactly(1L);
    }

    @Test
    void aQuoteAlreadyStaleAtTheAccountsEventTimeCrossesNothing() {
        ContractHolders h = new ContractHolders();
        h.put(1, new QuietBand(100, 110, null));
        h.freshFrom(1, T);
        TreeSet<Long> out = new TreeSet<>();
        h.crossed(90, T.minusMillis(1), T.plusSeconds(1), out::add);
        assertThat(out).isEmpty();
        h.crossed(90, T, T.plusSeconds(1), out::add);
        assertThat(out).containsExactly(1L);
    }

    @Test
    void aNeverQuietBandIsAlwaysCrossedAndAnAlwaysQuietOneNever() {
        ContractHolders h = new ContractHolders();
        h.put(1, QuietBand.NEVER);
        h.put(2, QuietBand.ALWAYS);
        assertThat(crossed(h, 105, T)).containsExactly(1L);
        assertThat(h.size()).isEqualTo(2);
    }

    @Test
    void replacingOrRemovingABandLeavesNoTraceOfTheOldOne() {
        ContractHolders h = new ContractHolders();
        h.put(1, new QuietBand(100, 110, T));
        h.put(1, new QuietBand(90, 95, null));
        assertThat(crossed(h, 100, T.plusSeconds(60))).containsExactly(1L);
        assertThat(crossed(h, 92, T.plusSeconds(60))).isEmpty();
        h.remove(1);
        assertThat(h.isEmpty()).isTrue();
        assertThat(crossed(h, 0, T.plusSeconds(60))).isEmpty();
    }

    @Test
    void theCrossedAccountsAreExactlyThoseABruteForceScanFinds() {
        Random r = new Random(5);
        ContractHolders h = new ContractHolders();
        List<QuietBand> bands = new ArrayList<>();
        for (int a = 0; a < 500; a++) {
            double low = r.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : 90 + r.nextInt(20);
            double high = r.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : low + r.nextInt(20);
            Instant until = r.nextInt(3) == 0 ? T.plusSeconds(r.nextInt(100)) : null;
            QuietBand b = new QuietBand(low, Double.isInfinite(low) ? 100 + r.nextInt(20) : high, until);
            bands.add(b);
            h.put(a, b);
        }
        for (int q = 0; q < 200; q++) {
            double mark = 85 + r.nextInt(50) + r.nextInt(4) * 0.25;
            Instant t = T.plusSeconds(r.nextInt(120));
            List<Long> expected = new ArrayList<>();
            for (int a = 0; a < bands.size(); a++) {
                if (!bands.get(a).quietAt(mark, t)) {
                    expected.add((long) a);
                }
            }
            assertThat(crossed(h, mark, t)).as("mark %s at %s", mark, t).containsExactlyElementsOf(expected);
        }
    }
}
