package io.riskguard.sinks.gateway.sim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A step run at a fixed rate on its own daemon thread, from {@link #start} until {@link #stop}. A
 * step runs under this object's lock and only while started, so once {@code stop()} returns no
 * step is running and none will.
 */
final class PeriodicTask implements AutoCloseable {

    private final String threadName;
    private final Runnable step;
    private ScheduledExecutorService ticker;

    PeriodicTask(String threadName, Runnable step) {
        this.threadName = threadName;
        this.step = step;
    }

    /** Starts stepping after {@code initialDelay}, every {@code period}; nothing when already started. */
    synchronized void start(Duration initialDelay, Duration period) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::scheduledStep, initialDelay.toNanos(), Math.max(1, period.toNanos()),
                TimeUnit.NANOSECONDS);
    }

    private synchronized void scheduledStep() {
        if (ticker != null) {
            step.run();
        }
    }

    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
