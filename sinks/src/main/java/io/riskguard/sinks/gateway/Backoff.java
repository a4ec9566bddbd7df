package io.riskguard.sinks.gateway;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: a random delay between half and all of min(max, base × 2^attempt). */
final class Backoff {

    private static final long BASE_MILLIS = 200;

    private final long maxMillis;

    Backoff(Duration max) {
        this.maxMillis = max.toMillis();
    }

    Duration delay(int attempt) {
        long ceiling = attempt >= 20 ? maxMillis : Math.min(maxMillis, BASE_MILLIS << attempt);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
