package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.MNQ;
import static io.riskguard.job.operators.TestEvents.accountLine;
import static io.riskguard.job.operators.TestEvents.ms;
import static io.riskguard.job.operators.TestEvents.orderLine;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.positionLine;
import static io.riskguard.job.operators.TestEvents.quoteLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.Event;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.ControlMessage;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.market.QuoteState;
import io.riskguard.replay.SequentialReplay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AccountRisk's quote fan-out: a quote reaches only the holders whose quiet band it leaves, and
 * what the holders decide is exactly what the full fan-out (the reference replay, every holder gets
 * every quote) decides, across snapshots and config updates. Lines are fed as a replay feeds them:
 * quotes merged (as MarkToMarket does) and broadcast, each record followed by its watermark.
 */
class AccountRiskFanOutTest {

    /** MNQ: 0.50 USD per tick of 0.25, so one point is 2.00 USD per contract. */
    static final String CONFIG = """
            version: 7
            timezone: America/Chicago
            instruments:
              MNQ: { tick_size: 0.25, tick_value: 0.50 }
            quotes: { max_age_seconds: 5 }
            rules:
              daily_unrealized_loss: { limit: -40.00 }
              max_unrealized_profit: { target: 60.00 }
              auth_loss_guard: { enabled: true }
              trade_management: { trailing: { activation_ticks: 8, trail_ticks: 4 } }
            accounts:
              "3003": { rules: { daily_unrealized_loss: { limit: -10.00 } } }
            """;

    private KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> harness;
    private final Map<String, QuoteState> merged = new HashMap<>();
    private final List<DecidedAction> decided = new ArrayList<>();
    private long seq;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void open(String config) throws Exception {
        harness = AccountRiskTest.openHarness(config, Ordering.EVENT_TIME);
    }

    private void feed(String... lines) throws Exception {
        for (String line : lines) {
            Event e = parse(line);
            if (e instanceof QuoteEvent q) {
                QuoteState m = merged.merge(q.contractId(), QuoteState.of(q), (a, b) -> a.merge(q));
                harness.processElement2(MarketInput.quote(q.contractId(), seq++, q.ts(), m), ms(q.ts()));
            } else {
                harness.processElement1(AccountInput.event(((AccountScopedEvent) e).accountId(), seq++, e.ts(), e),
                        ms(e.ts()));
            }
            harness.processBothWatermarks(new Watermark(ms(e.ts()) - 1));
        }
    }

    private List<String> finish(String... allLines) throws Exception {
        Event last = parse(allLines[allLines.length - 1]);
        harness.processElement2(MarketInput.control(ControlMessage.endOfReplay(last.ts())), ms(last.ts()));
        harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        decided.addAll(harness.extractOutputValues());
        return ReplayRunner.fileOrder(decided).stream().map(ActionJson::toJson).toList();
    }

    private static List<String> reference(String config, String... lines) throws Exception {
        return new SequentialReplay(ConfigLoader.parse(config, "t.yaml")).run(List.of(List.of(lines)), null).actions()
                .stream().map(ActionJson::toJson).toList();
    }

    private AccountRisk operator() {
        return (AccountRisk) harness.getOperator();
    }

    @Test
    void aQuoteReachesOnlyTheHoldersWhoseBandItLeaves() throws Exception {
        open(CONFIG);
        String[] lines = {
            quoteLine("15:00:00", MNQ, "21000.00", null, null),
            positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"),  // long 1: closes at -40 = 20980 or +60 = 21030
            positionLine("15:00:01", 2002, 2, MNQ, 2, 1, "21000.00"),  // short 1: closes at 21020 or 20970
            positionLine("15:00:01", 3003, 3, MNQ, 1, 1, "21000.00"),  // long 1, limit -10: closes at 20995
            quoteLine("15:00:02", MNQ, "21001.00", null, null),
            quoteLine("15:00:03", MNQ, "20998.00", null, null),
            quoteLine("15:00:04", MNQ, "20994.75", null, null),      // leaves only 3003's band
            quoteLine("15:00:05", MNQ, "21020.50", null, null)};     // leaves 2002's; 3003's close is in flight
        feed(lines);

        List<String> out = finish(lines);
        assertThat(out).containsExactlyElementsOf(reference(CONFIG, lines)).hasSize(2);
        assertThat(out.get(0)).contains("\"accountId\":3003", "CLOSE_POSITION", "-10.50");
        assertThat(out.get(1)).contains("\"accountId\":2002", "CLOSE_POSITION", "-41.00");
        // 5 quotes: the first before any position, then 4 × 3 holders, of which 3003 got two
        assertThat(operator().metrics().quoteDeliveries()).isEqualTo(2);
        assertThat(operator().metrics().quoteDeliveriesSkipped()).isEqualTo(10);
    }

    @Test
    void theBestMarkOfQuotesSkippedWhileLockedIsCarriedIntoTheTrailingStop() throws Exception {
        open(CONFIG);
        String[] lines = {
            quoteLine("15:00:00", MNQ, "21000.00", null, null),
            positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"),
            orderLine("15:00:02", 1001, 701, MNQ, 1, 4, 1, "20990.00"),
            accountLine("15:00:03", 1001, false),                       // RULE-010 lock (and flatten): RULE-012 silent
            quoteLine("15:00:04", MNQ, "21003.00", null, null),
            quoteLine("15:00:15", MNQ, "21006.00", null, null),         // the best, while locked
            quoteLine("15:00:16", MNQ, "21004.00", null, null),
            accountLine("15:00:17", 1001, true),                        // unlocked; the flatten has expired
            quoteLine("15:00:18", MNQ, "21003.00", null, null),         // trailing from 21006 would be 21005 > mark
            quoteLine("15:00:19", MNQ, "21005.50", null, null)};        // now 21005 < mark: the stop moves
        feed(lines);

        List<String> out = finish(lines);
        assertThat(out).containsExactlyElementsOf(reference(CONFIG, lines));
        assertThat(out).last().asString().contains("\"kind\":\"MODIFY_STOP\"", "\"stopPrice\":21005",
                "\"ts\":\"2026-03-02T15:00:19Z\"");
    }

    @Test
    void bandsAndMarkHistoriesComeBackFromASnapshotAndDecideAsAnUninterruptedRun() throws Exception {
        open(CONFIG);
        String[] before = {
            quoteLine("15:00:00", MNQ, "21000.00", null, null),
            positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"),
            orderLine("15:00:02", 1001, 701, MNQ, 1, 4, 1, "20990.00"),
            positionLine("15:00:02", 2002, 2, MNQ, 2, 1, "21000.00"),
            quoteLine("15:00:03", MNQ, "21001.50", null, null),
            quoteLine("15:00:04", MNQ, "21001.75", null, null)};        // 1001's best so far, never delivered
        String[] after = {
            orderLine("15:00:05", 1001, 701, MNQ, 1, 4, 1, "20991.00"), // the trader moves the stop
            quoteLine("15:00:06", MNQ, "21001.00", null, null),
            quoteLine("15:00:07", MNQ, "21002.25", null, null),         // 9 ticks: trailing from 21002.25
            quoteLine("15:00:08", MNQ, "21020.00", null, null)};        // 2002's short loses 40: closed
        feed(before);
        OperatorSubtaskState snapshot = harness.snapshot(1, ms("15:00:04"));
        decided.addAll(harness.extractOutputValues());
        harness.close();
        harness = AccountRiskTest.restoredHarness(CONFIG, Ordering.EVENT_TIME, snapshot);
        feed(after);

        String[] all = concat(before, after);
        List<String> out = finish(all);
        assertThat(out).containsExactlyElementsOf(reference(CONFIG, all));
        assertThat(out).anyMatch(a -> a.contains("MODIFY_STOP") && a.contains("\"stopPrice\":21001.25"))
                .anyMatch(a -> a.contains("\"accountId\":2002") && a.contains("CLOSE_POSITION"));
    }

    @Test
    void aConfigUpdateRebandsEveryHolderFromTheNextTrigger() throws Exception {
        open(CONFIG);
        feed(quoteLine("15:00:00", MNQ, "21000.00", null, null),
                positionLine("15:00:01", 1001, 1, MNQ, 1, 1, "21000.00"),
                quoteLine("15:00:02", MNQ, "20992.00", null, null));   // -16.00: inside the -40.00 band
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processElement2(MarketInput.control(ControlMessage.config(8, CONFIG.replace("version: 7", "version: 8")
                .replace("limit: -40.00", "limit: -15.00"))), ms("15:00:02"));
        feed(quoteLine("15:00:03", MNQ, "20992.00", null, null));      // the same mark, outside the new band

        assertThat(harness.extractOutputValues()).extracting(d -> d.action().reason()).containsExactly(
                "unrealized P&L -16.00 on CON.F.US.MNQ.H26 reached the limit -15.00");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
