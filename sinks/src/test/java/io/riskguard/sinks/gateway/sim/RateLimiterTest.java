package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSlidingWindowRefusesTheRequestAboveTheLimitUntilTheOldestLeaves() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60));

        assertThat(limiter.tryAcquire("u", 0)).isZero();
        assertThat(limiter.tryAcquire("u", 10 * SECOND)).isZero();
        assertThat(limiter.tryAcquire("u", 20 * SECOND)).isZero();
        assertThat(limiter.tryAcquire("u", 30 * SECOND)).isEqualTo(30);
        assertThat(limiter.tryAcquire("u", 59 * SECOND + 1)).isEqualTo(1);
        assertThat(limiter.tryAcquire("u", 60 * SECOND)).isZero();
        assertThat(limiter.tryAcquire("u", 60 * SECOND)).isEqualTo(10);
    }

    @Test
    void refusedRequestsTakeNoSlotAndUsersAreCountedApart() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("a", 0)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("a", SECOND / 2)).isEqualTo(1);
        }
        assertThat(limiter.tryAcquire("b", SECOND / 2)).isZero();
        assertThat(limiter.tryAcquire("a", SECOND)).isZero();
    }
}
