package io.riskguard.bridge;

import static io.riskguard.bridge.EnvelopesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.replay.SequentialReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the bridge sends twice — a trade the hub delivered and the resynchronisation found again,
 * a position snapshot sent again unchanged — changes none of the job's decisions: the engine's
 * duplicate rules (CONTRACT.md §1: a trade id seen before, a snapshot identical to the stored one)
 * absorb it. Shown on the reference replay, the semantics the job is tested equal to.
 */
class ReplayedEventsAreNotCountedTwiceTest {

    static final String CONFIG = """
            version: 1
            timezone: America/Chicago
            daily_reset: { enabled: true, time: "17:00" }
            session: { enabled: false, start: "08:30", end: "15:00", days: [MON, TUE, WED, THU, FRI] }
            instruments:
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
            quotes: { max_age_seconds: 5 }
            rules:
              daily_realized_loss: { enabled: true, limit: -500.00, include_fees: false }
            """;

    @Test
    void aTradeAndAPositionSentTwiceGiveTheSameActionsAsWhenSentOnce() throws Exception {
        String open = position(2, "14:00:00.100Z");
        String loss1 = trade(88001, "-300.00", "14:01:00Z");
        String reduced = position(1, "14:01:00.050Z");
        String loss2 = trade(88002, "-250.00", "14:02:00Z");

        List<Action> once = replay(List.of(open, loss1, reduced, loss2));
        List<Action> twice = replay(List.of(open, loss1, reduced, loss1, reduced, loss2, loss2));

        assertThat(once).filteredOn(a -> a.kind() == ActionKind.LOCK).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("-550.00"));
        assertThat(twice).map(ActionJson::toJson).containsExactlyElementsOf(once.stream().map(ActionJson::toJson).toList());
    }

    @Test
    void withoutTheDuplicateRuleTheSameLossesCountedTwiceWouldLockEarlier() throws Exception {
        String loss1 = trade(88001, "-300.00", "14:01:00Z");
        String sameLossAnotherId = trade(88009, "-300.00", "14:01:00.500Z");

        List<Action> counted = replay(List.of(position(2, "14:00:00.100Z"), loss1, sameLossAnotherId));

        assertThat(counted).filteredOn(a -> a.kind() == ActionKind.LOCK).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("-600.00"));
    }

    private static List<Action> replay(List<String> lines) throws Exception {
        return new SequentialReplay(ConfigLoader.parse(CONFIG, "dedup.yaml")).run(List.of(new ArrayList<>(lines)), null)
                .actions();
    }

    private static String position(long size, String receivedAt) throws Exception {
        return line(HubEvent.POSITION, """
                {"id":501,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","creationTimestamp":"2026-03-02T14:00:00Z",\
                "type":1,"size":%d,"averagePrice":21000.00}""".formatted(size), receivedAt);
    }

    private static String trade(long id, String pnl, String at) throws Exception {
        return line(HubEvent.TRADE, """
                {"id":%d,"accountId":1001,"contractId":"CON.F.US.MNQ.H26","creationTimestamp":"2026-03-02T%s",\
                "price":20700.00,"profitAndLoss":%s,"fees":0.37,"side":1,"size":1,"voided":false,"orderId":77001}"""
                .formatted(id, at, pnl), at);
    }

    private static String line(HubEvent kind, String payload, String receivedAt) throws Exception {
        return ((Envelopes.Accepted) Envelopes.ofAccountEvent(kind, json(payload),
                Instant.parse("2026-03-02T" + receivedAt))).line();
    }
}
