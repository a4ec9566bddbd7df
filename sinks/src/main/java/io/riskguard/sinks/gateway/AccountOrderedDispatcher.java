package io.riskguard.sinks.gateway;

import io.riskguard.contract.Action;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions on a fixed pool of workers: each account's actions one at a time in arrival order,
 * different accounts in parallel (so at most {@code workers} broker calls are in flight), with a
 * bounded backlog that blocks the caller. An action that fails for a reason other than a broker
 * answer (the ledger database is down, the gateway unreachable) is retried, never dropped.
 */
final class AccountOrderedDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOrderedDispatcher.class);

    /** Does one action; throws on a failure worth retrying. */
    interface Work {
        void run(Action action, long receivedNanos) throws Exception;
    }

    private record Task(Action action, long receivedNanos) {}

    private final Object lock = new Object();
    private final Map<Long, ArrayDeque<Task>> queues = new HashMap<>();
    private final ExecutorService pool;
    private final Work work;
    private final int maxBuffered;
    private final Backoff backoff;
    private int pending;
    private boolean closed;

    AccountOrderedDispatcher(int workers, int maxBuffered, Duration maxBackoff, Work work) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "riskguard-broker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.work = work;
        this.maxBuffered = maxBuffered;
        this.backoff = new Backoff(maxBackoff);
    }

    void submit(Action action) throws InterruptedException {
        synchronized (lock) {
            while (pending >= maxBuffered && !closed) {
                lock.wait();
            }
            ArrayDeque<Task> queue = queues.get(action.accountId());
            boolean idle = queue == null;
            if (idle) {
                queue = new ArrayDeque<>();
                queues.put(action.accountId(), queue);
            }
            queue.add(new Task(action, System.nanoTime()));
            pending++;
            if (idle) {
                pool.execute(() -> drain(action.accountId()));
            }
        }
    }

    /** Blocks until every submitted action is done: what a checkpoint waits for. */
    void awaitIdle() throws InterruptedException {
        synchronized (lock) {
            while (pending > 0 && !closed) {
                lock.wait();
            }
        }
    }

    int pending() {
        synchronized (lock) {
            return pending;
        }
    }

    private void drain(long account) {
        while (true) {
            Task task;
            synchronized (lock) {
                ArrayDeque<Task> queue = queues.get(account);
                task = queue.peek();
                if (task == null || closed) {
                    queues.remove(account);
                    return;
                }
            }
            if (!runUntilDone(task)) {
                return;
            }
            synchronized (lock) {
                queues.get(account).poll();
                pending--;
                lock.notifyAll();
            }
        }
    }

    /** @return false if interrupted (the writer is closing) */
    private boolean runUntilDone(Task task) {
        for (int attempt = 0; ; attempt++) {
            try {
                work.run(task.action(), task.receivedNanos());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                Duration delay = backoff.delay(attempt);
                LOG.warn("action {} not done yet ({}); retrying in {} ms", task.action().id(), e.toString(),
                        delay.toMillis());
                try {
                    Backoff.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
