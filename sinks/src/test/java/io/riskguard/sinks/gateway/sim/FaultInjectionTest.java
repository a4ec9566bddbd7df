package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorTestBase {

    private static final String CLOSE = "/api/Position/closeContract";
    private final String closeMnq = json("accountId", ACC, "contractId", MNQ);

    @Test
    void failNextAnswersTheStatusWithoutApplyingThenServesNormally() throws Exception {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.failNext(2, 503);

        HttpResponse<String> first = client.send(CLOSE, token, closeMnq);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEmpty();
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(503);
        assertThat(sim.positions(ACC)).hasSize(1);

        assertSuccess(call(CLOSE, closeMnq));
        assertThat(sim.positions(ACC)).isEmpty();
    }

    @Test
    void failNextComesBeforeAuthentication() {
        sim.failNext(1, 502);

        assertThat(client.status(CLOSE, null, closeMnq)).isEqualTo(502);
        assertThat(client.status(CLOSE, null, closeMnq)).isEqualTo(401);
    }

    @Test
    void aFaultFilteredByPathLeavesOtherEndpointsAlone() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.failNext(1, 500, CLOSE);

        assertThat(client.status("/api/Position/searchOpen", token, json("accountId", ACC))).isEqualTo(200);
        assertThat(client.status("/api/Order/searchOpen", token, json("accountId", ACC))).isEqualTo(200);
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(500);
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(200);
    }

    @Test
    void aPathFilterMayOmitTheApiPrefix() {
        sim.failNext(1, 500, "Position/closeContract");

        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(500);
    }

    @Test
    void delayNextSleepsThenHandlesNormally() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.delayNext(1, Duration.ofMillis(400), CLOSE);

        long start = System.nanoTime();
        JsonNode answer = call(CLOSE, closeMnq);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertSuccess(answer);
        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(sim.positions(ACC)).isEmpty();
        long after = System.nanoTime();
        call("/api/Position/searchOpen", json("accountId", ACC));
        assertThat((System.nanoTime() - after) / 1_000_000).isLessThan(400);
    }

    @Test
    void dropBeforeApplyClosesTheConnectionWithoutAResponseAndChangesNothing() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.dropBeforeApply(1, CLOSE);

        assertThatThrownBy(() -> client.send(CLOSE, token, closeMnq)).isInstanceOf(IOException.class);

        assertThat(sim.positions(ACC)).hasSize(1);
        assertSuccess(call(CLOSE, closeMnq));
        assertThat(sim.positions(ACC)).isEmpty();
    }

    @Test
    void dropAfterApplyChangesTheBookThenClosesTheConnectionSoARetrySeesTheChangeAsDone() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.dropAfterApply(1, CLOSE);

        assertThatThrownBy(() -> client.send(CLOSE, token, closeMnq)).isInstanceOf(IOException.class);

        assertThat(sim.positions(ACC)).isEmpty();
        assertFailure(call(CLOSE, closeMnq), 2, "position not found");
    }

    @Test
    void aPlaceDroppedAfterApplyIsRecognisedOnRetryByItsCustomTag() {
        String place = json("accountId", ACC, "contractId", MNQ, "type", 4, "side", 1, "size", 1,
                "stopPrice", price("20990.00"), "customTag", "rg:action-7");
        sim.dropAfterApply(1, "/api/Order/place");

        assertThatThrownBy(() -> client.send("/api/Order/place", token, place)).isInstanceOf(IOException.class);

        assertThat(sim.orders(ACC)).singleElement().extracting(SimOrder::customTag).isEqualTo("rg:action-7");
        assertFailure(call("/api/Order/place", place), 2, "duplicate customTag");
        assertThat(sim.orders(ACC)).hasSize(1);
    }

    @Test
    void aFaultCountCoversThatManyRequestsInTheOrderScripted() {
        sim.putPosition(ACC, MNQ, 1, 1, price("21000.00"));
        sim.dropBeforeApply(2, CLOSE);
        sim.failNext(1, 503, CLOSE);

        assertThatThrownBy(() -> client.send(CLOSE, token, closeMnq)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.send(CLOSE, token, closeMnq)).isInstanceOf(IOException.class);
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(503);
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(200);
        assertThat(sim.positions(ACC)).isEmpty();
    }

    @Test
    void aDelayComposesWithAnOutcomeFault() {
        sim.delayNext(1, Duration.ofMillis(300));
        sim.failNext(1, 502);

        long start = System.nanoTime();
        assertThat(client.status(CLOSE, token, closeMnq)).isEqualTo(502);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void clearFaultsForgetsTheUnconsumedOnes() {
        sim.failNext(3, 500);
        sim.clearFaults();

        assertThat(client.status("/api/Order/searchOpen", token, json("accountId", ACC))).isEqualTo(200);
    }
}
