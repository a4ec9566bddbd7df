package io.riskguard.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtremeStackTest {

    @Test
    void theExtremeAfterAnyNumberIsTheExtremeOfTheMarksAfterIt() {
        Random r = new Random(3);
        ExtremeStack highs = new ExtremeStack(1);
        ExtremeStack lows = new ExtremeStack(-1);
        List<BigDecimal> marks = new ArrayList<>();
        for (long n = 1; n <= 2_000; n++) {
            BigDecimal m = BigDecimal.valueOf(20_000 + r.nextInt(200), 2);
            marks.add(m);
            highs.push(n, m);
            lows.push(n, m);
            long since = r.nextInt((int) n);
            List<BigDecimal> after = marks.subList((int) since, marks.size());
            assertThat(highs.extremeAfter(since)).isEqualByComparingTo(after.stream().max(BigDecimal::compareTo).get());
            assertThat(lows.extremeAfter(since)).isEqualByComparingTo(after.stream().min(BigDecimal::compareTo).get());
        }
        assertThat(highs.extremeAfter(2_000)).isNull();
    }

    @Test
    void aFallingSeriesKeepsEveryMarkForTheHighsAndOnlyTheLastForTheLows() {
        ExtremeStack highs = new ExtremeStack(1);
        ExtremeStack lows = new ExtremeStack(-1);
        for (long n = 1; n <= 100; n++) {
            highs.push(n, BigDecimal.valueOf(1_000 - n));
            lows.push(n, BigDecimal.valueOf(1_000 - n));
        }
        assertThat(highs.size()).isEqualTo(100);
        assertThat(lows.size()).isEqualTo(1);
    }

    @Test
    void droppingOldEntriesKeepsTheAnswersForLaterNumbers() {
        ExtremeStack highs = new ExtremeStack(1);
        for (long n = 1; n <= 50; n++) {
            highs.push(n, BigDecimal.valueOf(100 - n));
        }
        highs.dropThrough(40);
        assertThat(highs.size()).isEqualTo(10);
        assertThat(highs.extremeAfter(40)).isEqualByComparingTo("59");
        assertThat(highs.extremeAfter(45)).isEqualByComparingTo("54");
    }
}
