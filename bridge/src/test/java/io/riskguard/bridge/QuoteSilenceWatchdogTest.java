package io.riskguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuoteSilenceWatchdogTest {

    private final AtomicLong now = new AtomicLong();
    private final QuoteSilenceWatchdog watchdog = new QuoteSilenceWatchdog(Duration.ofSeconds(10), now::get);

    @Test
    void aContractIsSilentOnlyWhenUnquotedForLongerThanTheLimit() {
        watchdog.watch("A");
        watchdog.watch("B");
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        watchdog.heard("A");
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(watchdog.silent()).isEmpty();

        now.addAndGet(1);
        assertThat(watchdog.silent()).containsExactly("B");
    }

    @Test
    void aNewConnectionRestartsEverySilence() {
        watchdog.watch("A");
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        watchdog.restartAll();
        assertThat(watchdog.silent()).isEmpty();
    }

    @Test
    void quotesOfContractsNotWatchedAreIgnored() {
        watchdog.heard("X");
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(watchdog.silent()).isEmpty();
    }
}
