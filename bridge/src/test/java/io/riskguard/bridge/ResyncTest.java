package io.riskguard.bridge;

import static io.riskguard.bridge.EnvelopesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** After a gap, the broker's book through REST against what the job was told: only the differences. */
class ResyncTest {

    private static final long ACCOUNT = 1001;
    private static final Instant GAP_START = Instant.parse("2026-03-02T14:30:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T14:31:00Z");

    private final FakeBroker broker = new FakeBroker();
    private final KnownAccounts known = new KnownAccounts();
    private final Resync resync = new Resync(broker, known);

    @Test
    void aPositionTheJobStillHoldsButTheBrokerClosedDuringTheGapIsSentClosed() throws Exception {
        told(HubEvent.POSITION, position("CON.F.US.MNQ.H26", 1, 2, "21000.25"));

        List<Resync.Change> changes = resync.account(ACCOUNT, GAP_START, NOW);

        ObjectNode closed = position("CON.F.US.MNQ.H26", 1, 2, "21000.25").put("size", 0);
        assertThat(changes).containsExactly(new Resync.Change(HubEvent.POSITION, closed));
    }

    @Test
    void aPositionUnchangedAtTheBrokerIsNotSentAgainAndAChangedOneIs() throws Exception {
        told(HubEvent.POSITION, position("CON.F.US.MNQ.H26", 1, 2, "21000.25"));
        told(HubEvent.POSITION, position("CON.F.US.EP.H26", 2, 1, "6000.00"));
        ObjectNode larger = position("CON.F.US.EP.H26", 2, 3, "6001.00");
        broker.openPositions.put(ACCOUNT, List.of(position("CON.F.US.MNQ.H26", 1, 2, "21000.250"), larger));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW)).containsExactly(new Resync.Change(HubEvent.POSITION, larger));
    }

    @Test
    void onTheFirstConnectionTheWholeBookIsSentAndNoTradesAreSearched() throws Exception {
        ObjectNode p = position("CON.F.US.MNQ.H26", 1, 2, "21000.25");
        ObjectNode o = order(77001, 1, "21990.00");
        broker.openPositions.put(ACCOUNT, List.of(p));
        broker.openOrders.put(ACCOUNT, List.of(o));

        assertThat(resync.account(ACCOUNT, null, NOW)).containsExactly(
                new Resync.Change(HubEvent.ORDER, o), new Resync.Change(HubEvent.POSITION, p));
        assertThat(broker.asked).noneMatch(q -> q.startsWith("Trade/search"));
    }

    @Test
    void anOrderThatStoppedWorkingDuringTheGapIsSentWithTheStatusTheBrokerGivesIt() throws Exception {
        told(HubEvent.ORDER, order(77001, 1, "20990.00"));
        ObjectNode filled = order(77001, 2, "20990.00");
        broker.orders.put(ACCOUNT, List.of(filled));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW)).containsExactly(new Resync.Change(HubEvent.ORDER, filled));
        assertThat(broker.asked).contains("Order/search 1001 from 2026-03-02T14:29:00Z");
    }

    @Test
    void anOrderThatStoppedWorkingWithoutTraceIsSentCancelled() throws Exception {
        told(HubEvent.ORDER, order(77001, 1, "20990.00"));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW))
                .containsExactly(new Resync.Change(HubEvent.ORDER, order(77001, 3, "20990.00")));
    }

    @Test
    void anOrderPlacedAndFilledDuringTheGapIsSentOnceAndOrdersAlreadySentAreNot() throws Exception {
        told(HubEvent.ORDER, order(77001, 2, "20990.00"));
        ObjectNode filledInGap = order(77002, 2, "20980.00").put("updateTimestamp", "2026-03-02T14:30:30Z");
        broker.orders.put(ACCOUNT, List.of(order(77001, 2, "20990.00"), filledInGap));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW))
                .containsExactly(new Resync.Change(HubEvent.ORDER, filledInGap));
        told(HubEvent.ORDER, filledInGap);
        assertThat(resync.account(ACCOUNT, GAP_START, NOW)).as("a second resync of the same book").isEmpty();
    }

    @Test
    void aStopMovedDuringTheGapIsSent() throws Exception {
        told(HubEvent.ORDER, order(77001, 1, "20990.00"));
        ObjectNode moved = order(77001, 1, "20995.00");
        broker.openOrders.put(ACCOUNT, List.of(moved));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW)).containsExactly(new Resync.Change(HubEvent.ORDER, moved));
    }

    @Test
    void tradesOfTheGapTheJobHasNotSeenAreSentInTimeOrderBeforeThePositions() throws Exception {
        told(HubEvent.TRADE, trade(88001, "2026-03-02T14:29:30Z"));
        ObjectNode second = trade(88003, "2026-03-02T14:30:20Z");
        ObjectNode first = trade(88002, "2026-03-02T14:30:10Z");
        broker.trades.put(ACCOUNT, List.of(trade(88001, "2026-03-02T14:29:30Z"), second, first));
        ObjectNode p = position("CON.F.US.MNQ.H26", 1, 1, "21000.00");
        broker.openPositions.put(ACCOUNT, List.of(p));

        assertThat(resync.account(ACCOUNT, GAP_START, NOW)).containsExactly(
                new Resync.Change(HubEvent.TRADE, first), new Resync.Change(HubEvent.TRADE, second),
                new Resync.Change(HubEvent.POSITION, p));
        assertThat(broker.asked).contains("Trade/search 1001 from 2026-03-02T14:29:00Z");
    }

    @Test
    void anAccountWhoseCanTradeChangedIsSentAndAnUnchangedOneIsNot() throws Exception {
        told(HubEvent.ACCOUNT, account(1001, true));
        told(HubEvent.ACCOUNT, account(1002, true));
        broker.accounts.addAll(List.of(account(1001, true), account(1002, false), account(1003, true)));

        assertThat(resync.accounts(Set.of(1001L, 1002L)))
                .containsExactly(new Resync.Change(HubEvent.ACCOUNT, account(1002, false)));
    }

    private void told(HubEvent kind, ObjectNode payload) {
        known.sent(((Envelopes.Accepted) Envelopes.ofAccountEvent(kind, payload, NOW)).event());
    }

    static ObjectNode position(String contract, int type, long size, String price) throws Exception {
        return json("{\"id\":" + (contract.hashCode() & 0xffff) + ",\"accountId\":" + ACCOUNT + ",\"contractId\":\""
                + contract + "\",\"creationTimestamp\":\"2026-03-02T14:00:00Z\",\"type\":" + type + ",\"size\":" + size
                + ",\"averagePrice\":" + price + "}");
    }

    static ObjectNode order(long id, int status, String stop) throws Exception {
        return json("{\"id\":" + id + ",\"accountId\":" + ACCOUNT + ",\"contractId\":\"CON.F.US.MNQ.H26\","
                + "\"creationTimestamp\":\"2026-03-02T14:00:00Z\",\"updateTimestamp\":\"2026-03-02T14:00:00Z\","
                + "\"status\":" + status + ",\"type\":4,\"side\":1,\"size\":1,\"limitPrice\":null,\"stopPrice\":" + stop
                + ",\"fillVolume\":0,\"filledPrice\":null,\"customTag\":null}");
    }

    static ObjectNode trade(long id, String at) throws Exception {
        return json("{\"id\":" + id + ",\"accountId\":" + ACCOUNT + ",\"contractId\":\"CON.F.US.MNQ.H26\","
                + "\"creationTimestamp\":\"" + at + "\",\"price\":21000.00,\"profitAndLoss\":-25.00,\"fees\":0.37,"
                + "\"side\":1,\"size\":1,\"voided\":false,\"orderId\":" + (id - 11000) + "}");
    }

    static ObjectNode account(long id, boolean canTrade) throws Exception {
        return json("{\"id\":" + id + ",\"name\":\"A" + id + "\",\"balance\":50000,\"canTrade\":" + canTrade
                + ",\"isVisible\":true}");
    }
}
