package io.riskguard.job.support;

import io.riskguard.job.model.AccountInput;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A pass-through probe in front of AccountRisk that throws when the job-wide count of records it
 * has seen (across restarts) reaches each of the given points, once per point.
 */
public final class FailOnce implements MapFunction<AccountInput, AccountInput> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong SEEN = new AtomicLong();
    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static final Set<Long> FIRED = ConcurrentHashMap.newKeySet();

    private final Set<Long> points;

    public FailOnce(Set<Long> points) {
        this.points = Set.copyOf(points);
    }

    public static void reset() {
        SEEN.set(0);
        FAILURES.set(0);
        FIRED.clear();
    }

    public static int failures() {
        return FAILURES.get();
    }

    @Override
    public AccountInput map(AccountInput in) {
        long n = SEEN.incrementAndGet();
        if (points.contains(n) && FIRED.add(n)) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure at record " + n);
        }
        return in;
    }
}
