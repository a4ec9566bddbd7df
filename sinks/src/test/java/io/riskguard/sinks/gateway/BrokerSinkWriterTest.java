package io.riskguard.sinks.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.sinks.gateway.sim.Call;
import io.riskguard.sinks.gateway.sim.GatewaySimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker sink writer against the gateway simulator over real HTTP: the calls each action
 * makes, and that faults (5xx bursts, 429, timeouts, dropped connections, token expiry) lose
 * nothing and double nothing.
 */
class BrokerSinkWriterTest {

    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    static final GatewayCredentials CREDENTIALS = new GatewayCredentials("trader", "test-only-key");
    static final ObjectMapper JSON = new ObjectMapper();

    GatewaySimulator sim;
    BrokerSink.BrokerSinkWriter writer;

    @BeforeEach
    void start() {
        MemoryActionLedger.clear();
        sim = GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUsers(Map.of("trader", "test-only-key")));
        writer = writer(settings(), new MemoryActionLedger());
    }

    @AfterEach
    void stop() throws Exception {
        writer.close();
        sim.close();
    }

    GatewaySettings settings() {
        return GatewaySettings.defaults(sim.baseUri(), null).withBackoff(Duration.ofMillis(400))
                .withTimeout(Duration.ofSeconds(2));
    }

    static BrokerSink.BrokerSinkWriter writer(GatewaySettings settings, ActionLedger ledger) {
        return new BrokerSink.BrokerSinkWriter(settings, CREDENTIALS, ledger, GatewayMetrics.NONE);
    }

    static Action action(long account, ActionKind kind, String contractId, Long size, Long orderId, String stop,
            int index) {
        return new Action(account + ":RULE-001:" + kind + ":position:1:" + T + ":" + index, T, account, 1, kind,
                null, contractId, size, orderId, stop == null ? null : new BigDecimal(stop), "test", 7, DecisionCause.MAX_CONTRACTS_EXCEEDED);
    }

    void send(Action... actions) throws Exception {
        for (Action a : actions) {
            writer.write(a, null);
        }
        writer.flush(false);
    }

    /** Calls other than login, as "path body". */
    List<String> calls() {
        return sim.calls().stream().filter(c -> !c.path().startsWith("/api/Auth/"))
                .map(c -> c.path() + " " + c.body()).toList();
    }

    long applied(String path) {
        return sim.calls().stream().filter(c -> c.path().equals(path) && c.applied()).count();
    }

    @Test
    void closePositionIsOneCloseContractCallAndTheBookIsFlat() throws Exception {
        sim.putPosition(2002, MNQ, 1, 3, new BigDecimal("21000"));

        send(action(2002, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0));

        assertThat(calls()).containsExactly(
                "/api/Position/closeContract {\"accountId\":2002,\"contractId\":\"CON.F.US.MNQ.H26\"}");
        assertThat(sim.positions(2002)).isEmpty();
        assertThat(sim.callsTo("/api/Auth/loginKey")).hasSize(1);
    }

    @Test
    void reducePositionReadsTheSizeThenClosesPartOfIt() throws Exception {
        sim.putPosition(2002, ES, 2, 5, new BigDecimal("6000"));

        send(action(2002, ActionKind.REDUCE_POSITION, ES, 2L, null, null, 0));

        assertThat(calls()).containsExactly(
                "/api/Position/searchOpen {\"accountId\":2002}",
                "/api/Position/partialCloseContract {\"accountId\":2002,\"contractId\":\"CON.F.US.EP.H26\",\"size\":2}");
        assertThat(sim.positions(2002)).singleElement().extracting(p -> p.size()).isEqualTo(3L);
    }

    @Test
    void cancelOrderAndModifyStopSendTheirOrderCalls() throws Exception {
        sim.putOrder(2002, 611, MNQ, 1, 1, 0, 1, new BigDecimal("20900"), null);
        sim.putOrder(2002, 1201, MNQ, 1, 4, 1, 1, null, new BigDecimal("20990"));

        send(action(2002, ActionKind.CANCEL_ORDER, MNQ, null, 611L, null, 0),
                action(2002, ActionKind.MODIFY_STOP, MNQ, null, 1201L, "21000.25", 1));

        assertThat(calls()).containsExactly(
                "/api/Order/cancel {\"accountId\":2002,\"orderId\":611}",
                "/api/Order/modify {\"accountId\":2002,\"orderId\":1201,\"stopPrice\":21000.25}");
        assertThat(sim.orders(2002)).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(1201);
            assertThat(o.stopPrice()).isEqualByComparingTo("21000.25");
        });
    }

    @Test
    void flattenCancelsEveryWorkingOrderClosesEveryPositionAndChecksItIsFlat() throws Exception {
        sim.putPosition(3003, MNQ, 1, 2, new BigDecimal("21000"));
        sim.putPosition(3003, ES, 2, 1, new BigDecimal("6000"));
        sim.putOrder(3003, 700, MNQ, 1, 4, 1, 2, null, new BigDecimal("20950"));

        send(action(3003, ActionKind.FLATTEN, null, null, null, null, 0));

        assertThat(calls()).containsExactly(
                "/api/Order/searchOpen {\"accountId\":3003}",
                "/api/Order/cancel {\"accountId\":3003,\"orderId\":700}",
                "/api/Position/searchOpen {\"accountId\":3003}",
                "/api/Position/closeContract {\"accountId\":3003,\"contractId\":\"CON.F.US.EP.H26\"}",
                "/api/Position/closeContract {\"accountId\":3003,\"contractId\":\"CON.F.US.MNQ.H26\"}",
                "/api/Order/searchOpen {\"accountId\":3003}",
                "/api/Position/searchOpen {\"accountId\":3003}");
        assertThat(sim.positions(3003)).isEmpty();
        assertThat(sim.orders(3003)).isEmpty();
    }

    @Test
    void locksAndUnlocksMakeNoBrokerCall() throws Exception {
        send(new Action("1:RULE-003:LOCK:trade:1:" + T + ":0", T, 1, 3, ActionKind.LOCK, T.plusSeconds(60), null,
                null, null, null, "r", 7, DecisionCause.DAILY_REALIZED_LOSS_REACHED));

        assertThat(sim.calls()).isEmpty();
    }

    @Test
    void alreadyFlatAndAlreadyFinalAreSuccessAndNotRetried() throws Exception {
        send(action(2002, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0),
                action(2002, ActionKind.CANCEL_ORDER, MNQ, null, 42L, null, 1));

        assertThat(calls()).containsExactly(
                "/api/Position/closeContract {\"accountId\":2002,\"contractId\":\"CON.F.US.MNQ.H26\"}",
                "/api/Order/cancel {\"accountId\":2002,\"orderId\":42}");
        assertThat(sim.calls().stream().filter(c -> !c.path().startsWith("/api/Auth/")).map(Call::errorCode))
                .containsOnly(2);
    }

    @Test
    void aBurstOf5xxIsRetriedUntilTheCloseIsAppliedOnce() throws Exception {
        sim.putPosition(2002, MNQ, 1, 1, new BigDecimal("21000"));
        sim.failNext(3, 503, "/api/Position/closeContract");

        send(action(2002, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0));

        assertThat(sim.callsTo("/api/Position/closeContract")).extracting(Call::httpStatus)
                .containsExactly(503, 503, 503, 200);
        assertThat(applied("/api/Position/closeContract")).isEqualTo(1);
        assertThat(sim.positions(2002)).isEmpty();
    }

    @Test
    void a429IsHonouredByWaitingItsRetryAfterBeforeTheNextRequest() throws Exception {
        sim.close();
        sim = GatewaySimulator.start(GatewaySimulator.Options.defaults().withPort(0)
                .withUsers(Map.of("trader", "test-only-key")).withRateLimit(3, Duration.ofSeconds(2)));
        writer.close();
        // one worker: no other request can be in flight when the 429 arrives
        writer = writer(settings().withWorkers(1), new MemoryActionLedger());
        for (int i = 0; i < 4; i++) {
            sim.putPosition(2002 + i, MNQ, 1, 1, new BigDecimal("21000"));
        }

        for (int i = 0; i < 4; i++) {
            writer.write(action(2002 + i, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0), null);
        }
        writer.flush(false);

        List<Call> all = sim.calls();
        Call refused = all.stream().filter(c -> c.httpStatus() == 429).findFirst().orElseThrow();
        Call after = all.stream().filter(c -> c.seq() > refused.seq()).findFirst().orElseThrow();
        assertThat(Duration.between(refused.receivedAt(), after.receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(applied("/api/Position/closeContract")).isEqualTo(4);
    }

    @Test
    void aTimedOutCallIsRetriedAndTheWorkIsDoneExactlyOnce() throws Exception {
        sim.putPosition(2002, MNQ, 1, 1, new BigDecimal("21000"));
        sim.delayNext(1, Duration.ofSeconds(3), "/api/Position/closeContract");

        send(action(2002, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0));

        assertThat(applied("/api/Position/closeContract")).isEqualTo(1);
        assertThat(sim.positions(2002)).isEmpty();
    }

    @Test
    void aConnectionDroppedAfterTheBrokerAppliedTheCallDoublesNothing() throws Exception {
        sim.putPosition(2002, ES, 1, 5, new BigDecimal("6000"));
        sim.dropAfterApply(1, "/api/Position/partialCloseContract");

        send(action(2002, ActionKind.REDUCE_POSITION, ES, 2L, null, null, 0));

        assertThat(applied("/api/Position/partialCloseContract")).isEqualTo(1);
        assertThat(sim.positions(2002)).singleElement().extracting(p -> p.size()).isEqualTo(3L);
    }

    @Test
    void tokensExpiredMidRunAreRenewedAndNothingIsLost() throws Exception {
        for (int i = 0; i < 6; i++) {
            sim.putPosition(4000 + i, MNQ, 1, 1, new BigDecimal("21000"));
        }
        send(action(4000, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0));
        sim.expireAllTokens();

        for (int i = 1; i < 6; i++) {
            writer.write(action(4000 + i, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0), null);
        }
        writer.flush(false);

        assertThat(sim.calls().stream().anyMatch(c -> c.httpStatus() == 401)).isTrue();
        assertThat(sim.callsTo("/api/Auth/loginKey")).hasSize(2);
        assertThat(applied("/api/Position/closeContract")).isEqualTo(6);
    }

    @Test
    void anActionSeenAgainAfterARestoreIsNotSentAgain() throws Exception {
        sim.putPosition(2002, MNQ, 1, 1, new BigDecimal("21000"));
        MemoryActionLedger ledger = new MemoryActionLedger();
        Action close = action(2002, ActionKind.CLOSE_POSITION, MNQ, null, null, null, 0);
        send(close);
        writer.close();

        writer = writer(settings(), ledger);
        send(close);

        assertThat(sim.callsTo("/api/Position/closeContract")).hasSize(1);
    }

    @Test
    void aReductionInDoubtThatTheBrokerAlreadyAppliedIsNotSentAgain() throws Exception {
        sim.putPosition(2002, ES, 1, 3, new BigDecimal("6000"));
        Action reduce = action(2002, ActionKind.REDUCE_POSITION, ES, 2L, null, null, 0);
        MemoryActionLedger ledger = new MemoryActionLedger();
        // a previous attempt claimed it, saw size 5 and died after the broker reduced 5 -> 3
        ledger.claim(reduce);
        ledger.recordObservedSize(reduce.id(), 5);

        writer.close();
        writer = writer(settings(), ledger);
        send(reduce);

        assertThat(sim.callsTo("/api/Position/partialCloseContract")).isEmpty();
        assertThat(sim.positions(2002)).singleElement().extracting(p -> p.size()).isEqualTo(3L);
    }

    @Test
    void eachAccountsActionsReachTheBrokerInTheOrderTheyWereDecided() throws Exception {
        for (long account = 1; account <= 20; account++) {
            sim.putOrder(account, 10, MNQ, 1, 4, 1, 1, null, new BigDecimal("20900"));
        }
        for (long account = 1; account <= 20; account++) {
            writer.write(action(account, ActionKind.MODIFY_STOP, MNQ, null, 10L, "20950", 0), null);
            writer.write(action(account, ActionKind.MODIFY_STOP, MNQ, null, 10L, "20960", 1), null);
            writer.write(action(account, ActionKind.CANCEL_ORDER, MNQ, null, 10L, null, 2), null);
        }
        writer.flush(false);

        for (long account = 1; account <= 20; account++) {
            long a = account;
            List<String> perAccount = sim.calls().stream().filter(c -> Long.valueOf(a).equals(c.accountId()))
                    .map(c -> c.path() + " " + stop(c.body())).toList();
            assertThat(perAccount).containsExactly("/api/Order/modify 20950", "/api/Order/modify 20960",
                    "/api/Order/cancel null");
        }
    }

    private static String stop(String body) {
        try {
            JsonNode n = JSON.readTree(body).path("stopPrice");
            return n.isMissingNode() ? "null" : n.asText();
        } catch (Exception e) {
            return "?";
        }
    }
}
