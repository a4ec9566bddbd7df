package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends SimulatorTestBase {

    private static final int THREADS = 8;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @Override
    GatewaySimulator.Options options() {
        return super.options().withRateLimit(10_000, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Runs the task on every thread at once, perThread times on each; all the answers. */
    private <T> List<T> everyThread(int perThread, Callable<T> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                List<T> answers = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    answers.add(task.call());
                }
                return answers;
            }));
        }
        go.countDown();
        List<T> all = new ArrayList<>();
        for (Future<List<T>> future : futures) {
            all.addAll(future.get(30, TimeUnit.SECONDS));
        }
        return all;
    }

    @Test
    void concurrentPartialClosesFromEightThreadsReduceThePositionExactly() throws Exception {
        sim.putPosition(ACC, MNQ, 1, 40, price("21000.00"));
        sim.putPosition(ACC, ES, 1, 100, price("6000.00"));

        List<JsonNode> answers = everyThread(6, () -> call("/api/Position/partialCloseContract",
                json("accountId", ACC, "contractId", MNQ, "size", 1)));

        assertThat(answers).filteredOn(a -> a.get("success").asBoolean()).hasSize(40);
        assertThat(answers).filteredOn(a -> !a.get("success").asBoolean())
                .allSatisfy(a -> assertThat(a.get("errorCode").asInt()).isEqualTo(2)).hasSize(8);
        assertThat(sim.positions(ACC)).singleElement().extracting(SimPosition::size).isEqualTo(100L);
        assertThat(sim.callsTo("/api/Position/partialCloseContract")).filteredOn(Call::applied).hasSize(40);
    }

    @Test
    void concurrentPlacesWithOneCustomTagLetExactlyOneThrough() throws Exception {
        List<JsonNode> answers = everyThread(3, () -> call("/api/Order/place", json("accountId", ACC,
                "contractId", MNQ, "type", 2, "side", 1, "size", 1, "customTag", "rg:only-once")));

        assertThat(answers).filteredOn(a -> a.get("success").asBoolean()).hasSize(1);
        assertThat(sim.orders(ACC)).hasSize(1);
    }

    @Test
    void concurrentPlacesOnSeveralAccountsGetDistinctIdsAndAllLand() throws Exception {
        List<JsonNode> answers = everyThread(10, () -> call("/api/Order/place", json(
                "accountId", 2000 + Thread.currentThread().getId() % 3, "contractId", MNQ, "type", 2, "side", 0,
                "size", 1)));

        assertThat(answers).allSatisfy(SimulatorTestBase::assertSuccess);
        assertThat(answers).extracting(a -> a.get("orderId").asLong()).doesNotHaveDuplicates().hasSize(80);
        long total = sim.orders(2000).size() + sim.orders(2001).size() + sim.orders(2002).size();
        assertThat(total).isEqualTo(80);
    }

    @Test
    void requestsAreServedConcurrently() throws Exception {
        sim.delayNext(THREADS, Duration.ofMillis(500));

        long start = System.nanoTime();
        everyThread(1, () -> call("/api/Order/searchOpen", json("accountId", ACC)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isLessThan(THREADS * 500L / 2);
    }
}
