package io.riskguard.sinks.gateway.sim;

import static io.riskguard.sinks.gateway.sim.SimClient.json;
import static io.riskguard.sinks.gateway.sim.SimClient.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest extends SimulatorTestBase {

    @Test
    void recordsEveryRequestInOrderWithItsOutcomeAndWhetherItChangedTheBook() {
        Instant before = Instant.now();
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.clearCalls();
        String close = json("accountId", ACC, "contractId", MNQ);

        call("/api/Position/searchOpen", json("accountId", ACC));
        call("/api/Position/closeContract", close);
        call("/api/Position/closeContract", close);
        client.status("/api/Order/searchOpen", null, json("accountId", OTHER_ACC));
        client.status("/api/Nope", token, "{}");
        client.status("/api/Order/cancel", token, "{oops");
        call("/api/Account/search", json("onlyActiveAccounts", false));

        List<Call> calls = sim.calls();
        assertThat(calls).extracting(Call::path, Call::accountId, Call::httpStatus, Call::success, Call::errorCode,
                Call::applied).containsExactly(
                tuple("/api/Position/searchOpen", ACC, 200, true, 0, false),
                tuple("/api/Position/closeContract", ACC, 200, true, 0, true),
                tuple("/api/Position/closeContract", ACC, 200, false, 2, false),
                tuple("/api/Order/searchOpen", OTHER_ACC, 401, null, null, false),
                tuple("/api/Nope", null, 404, null, null, false),
                tuple("/api/Order/cancel", null, 400, null, null, false),
                tuple("/api/Account/search", null, 200, true, 0, false));
        assertThat(calls).extracting(Call::seq).isSorted().doesNotHaveDuplicates();
        assertThat(calls.get(1).body()).isEqualTo(close);
        assertThat(calls.get(5).body()).isEqualTo("{oops");
        assertThat(calls).allSatisfy(c -> assertThat(c.receivedAt()).isAfterOrEqualTo(before));
    }

    @Test
    void droppedRequestsAreRecordedWithStatusZeroAndWhetherTheyWereApplied() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.putPosition(ACC, ES, 1, 2, price("6000.00"));
        sim.clearCalls();
        sim.dropBeforeApply(1);
        sim.dropAfterApply(1);

        assertThatThrownBy(() -> client.send("/api/Position/closeContract", token,
                json("accountId", ACC, "contractId", MNQ))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.send("/api/Position/closeContract", token,
                json("accountId", ACC, "contractId", ES))).isInstanceOf(IOException.class);

        assertThat(sim.calls()).extracting(Call::httpStatus, Call::success, Call::errorCode, Call::applied)
                .containsExactly(tuple(0, null, null, false), tuple(0, null, null, true));
        assertThat(sim.positions(ACC)).extracting(SimPosition::contractId).containsExactly(MNQ);
    }

    @Test
    void faultAnswersAndRateLimitRefusalsAreRecordedAsNotApplied() {
        sim.putPosition(ACC, MNQ, 1, 2, price("21000.00"));
        sim.clearCalls();
        sim.failNext(1, 503);

        client.status("/api/Position/closeContract", token, json("accountId", ACC, "contractId", MNQ));

        assertThat(sim.calls()).singleElement().satisfies(c -> {
            assertThat(c.httpStatus()).isEqualTo(503);
            assertThat(c.applied()).isFalse();
        });
    }

    @Test
    void theLoginBodyIsRecordedWithoutTheApiKey() {
        assertThat(sim.callsTo("/api/Auth/loginKey")).singleElement().satisfies(c -> {
            assertThat(c.body()).contains(USER).doesNotContain(KEY);
            assertThat(c.success()).isTrue();
        });
    }

    @Test
    void callsToFiltersByPathAndClearCallsEmptiesTheLog() {
        call("/api/Order/searchOpen", json("accountId", ACC));
        call("/api/Position/searchOpen", json("accountId", ACC));
        call("/api/Order/searchOpen", json("accountId", OTHER_ACC));

        assertThat(sim.callsTo("/api/Order/searchOpen")).extracting(Call::accountId).containsExactly(ACC, OTHER_ACC);
        assertThat(sim.callsTo("Order/searchOpen")).hasSize(2);

        sim.clearCalls();

        assertThat(sim.calls()).isEmpty();
        call("/api/Order/searchOpen", json("accountId", ACC));
        assertThat(sim.calls()).singleElement().extracting(Call::seq).isEqualTo(5L);
    }
}
