package io.riskguard.sinks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client-side limiter: the broker's sliding window, priorities, and 429 pauses, on a fake clock. */
class RateLimiterTest {

    @Test
    void grantsAtMostThePermitsInAnyWindow() throws Exception {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(Priority.HIGH)).isZero();
        }
        Thread fourth = new Thread(() -> {
            try {
                limiter.acquire(Priority.HIGH);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        fourth.start();
        awaitParked(fourth);
        assertThat(fourth.isAlive()).as("the fourth request waits for the window").isTrue();

        now.set(Duration.ofSeconds(60).toNanos());
        synchronized (limiter) {
            limiter.notifyAll();
        }
        fourth.join(2000);
        assertThat(fourth.isAlive()).isFalse();
    }

    @Test
    void aWaitingCloseGoesBeforeAWaitingStopModification() throws Exception {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), now::get);
        limiter.acquire(Priority.HIGH);
        List<Priority> order = new CopyOnWriteArrayList<>();
        Thread low = new Thread(() -> take(limiter, Priority.LOW, order));
        low.start();
        awaitParked(low);
        Thread high = new Thread(() -> take(limiter, Priority.HIGH, order));
        high.start();
        awaitParked(high);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        synchronized (limiter) {
            limiter.notifyAll();
        }
        high.join(2000);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        synchronized (limiter) {
            limiter.notifyAll();
        }
        low.join(2000);

        assertThat(order).containsExactly(Priority.HIGH, Priority.LOW);
    }

    @Test
    void aBrokerPauseHoldsEveryRequestUntilItEnds() throws Exception {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(100, Duration.ofSeconds(60), now::get);
        limiter.pauseUntil(Duration.ofSeconds(5).toNanos());
        Thread waiting = new Thread(() -> take(limiter, Priority.HIGH, new CopyOnWriteArrayList<>()));
        waiting.start();
        awaitParked(waiting);
        assertThat(waiting.isAlive()).isTrue();

        now.set(Duration.ofSeconds(5).toNanos());
        synchronized (limiter) {
            limiter.notifyAll();
        }
        waiting.join(2000);
        assertThat(waiting.isAlive()).isFalse();
    }

    /** Until the thread waits in the limiter (the only place these threads wait). */
    private static void awaitParked(Thread thread) {
        await().atMost(Duration.ofSeconds(10)).until(() -> thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static void take(RateLimiter limiter, Priority p, List<Priority> order) {
        try {
            limiter.acquire(p);
            order.add(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
