package io.riskguard.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MarkHistoryTest {

    @Test
    void withoutTrackingHoldersOnlyTheCountIsKept() {
        MarkHistory h = new MarkHistory(100);
        for (int i = 0; i < 10; i++) {
            h.add(BigDecimal.valueOf(i));
        }
        assertThat(h.count()).isEqualTo(10);
        assertThat(h.size()).isZero();
        assertThat(h.highestSince(0)).isNull();
    }

    @Test
    void aTrackingHolderGetsTheExtremesOfTheMarksSinceItsLastTrigger() {
        MarkHistory h = new MarkHistory(100);
        h.add(new BigDecimal("10"));
        h.track(7, h.count());
        h.add(new BigDecimal("12"));
        h.add(new BigDecimal("9"));
        h.add(new BigDecimal("11"));
        assertThat(h.highestSince(1)).isEqualByComparingTo("12");
        assertThat(h.lowestSince(1)).isEqualByComparingTo("9");
        assertThat(h.highestSince(3)).isEqualByComparingTo("11");
    }

    @Test
    void trimmingForgetsOnlyWhatNoTrackingHolderCanAskFor() {
        MarkHistory h = new MarkHistory(100);
        h.track(1, 0);
        h.track(2, 0);
        for (int i = 1; i <= 20; i++) {
            h.add(BigDecimal.valueOf(100 - i));
        }
        h.untrack(1, 0);
        h.track(1, 20);
        h.trim();
        assertThat(h.highestSince(0)).isEqualByComparingTo("99");
        h.untrack(2, 0);
        h.track(2, 15);
        h.trim();
        assertThat(h.size()).isEqualTo(5);
        assertThat(h.highestSince(15)).isEqualByComparingTo("84");
    }

    @Test
    void aTrendLongerThanTheLimitNamesTheOldestTrackingHoldersAsOverdue() {
        MarkHistory h = new MarkHistory(10);
        h.track(1, 0);
        h.track(2, 5);
        h.track(3, 30);
        for (int i = 1; i <= 30; i++) {
            h.add(BigDecimal.valueOf(1_000 - i));
        }
        assertThat(h.overdue()).containsExactly(1L, 2L);
        h.untrack(1, 0);
        h.untrack(2, 5);
        h.track(1, 30);
        h.track(2, 30);
        h.trim();
        assertThat(h.overdue()).isEmpty();
        assertThat(h.size()).isZero();
    }
}
