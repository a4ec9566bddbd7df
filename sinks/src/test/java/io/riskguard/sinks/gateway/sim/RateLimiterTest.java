package io.riskguard.sinks.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();

    @Test
    void aSlidingWindowRefusesTheRequestAboveTheLimitUntilTheOldestLeaves() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), now::get);

        assertThat(acquireAt(limiter, "u", 0)).isZero();
        assertThat(acquireAt(limiter, "u", 10 * SECOND)).isZero();
        assertThat(acquireAt(limiter, "u", 20 * SECOND)).isZero();
        assertThat(acquireAt(limiter, "u", 30 * SECOND)).isEqualTo(30);
        assertThat(acquireAt(limiter, "u", 59 * SECOND + 1)).isEqualTo(1);
        assertThat(acquireAt(limiter, "u", 60 * SECOND)).isZero();
        assertThat(acquireAt(limiter, "u", 60 * SECOND)).isEqualTo(10);
    }

    @Test
    void refusedRequestsTakeNoSlotAndUsersAreCountedApart() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), now::get);

        assertThat(acquireAt(limiter, "a", 0)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(acquireAt(limiter, "a", SECOND / 2)).isEqualTo(1);
        }
        assertThat(acquireAt(limiter, "b", SECOND / 2)).isZero();
        assertThat(acquireAt(limiter, "a", SECOND)).isZero();
    }

    private long acquireAt(RateLimiter limiter, String user, long nanos) {
        now.set(nanos);
        return limiter.tryAcquire(user);
    }
}
