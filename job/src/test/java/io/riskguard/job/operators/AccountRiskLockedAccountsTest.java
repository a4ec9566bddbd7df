package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.ms;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.tradeLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.ActionKind;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code lockedAccounts} gauge across snapshots: derived from the accounts' lock books, it is the
 * number of locked accounts of the subtask right after a restore, at the same parallelism or another,
 * and follows every LOCK and UNLOCK from there, never below zero. Live (arrival) ordering; the config
 * is {@link LockedAccountsTest#TWO_LOCK_RULES} (RULE-003 and RULE-007's tiers).
 */
class AccountRiskLockedAccountsTest {

    private static final int MAX_PARALLELISM = 128;

    /** Account A: −520.00 at 15:00 locks by RULE-003 until 23:00 and by RULE-007 until 15:15. */
    private static final long A = firstAccountOfSubtask(0);
    /** Account B: −150.00 at 15:01 locks by RULE-007 until 15:06. */
    private static final long B = firstAccountOfSubtask(1);
    /** Account C: −50.00 at 15:02, below every limit: never locked. */
    private static final long C = 3001;

    private final List<KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction>> open =
            new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (var h : open) {
            h.close();
        }
    }

    @Test
    void restoredAtTheSameParallelismTheGaugeCountsTheLockedAccountsAndFollowsTheirUnlocks() throws Exception {
        OperatorSubtaskState snapshot = lockAandBThenSnapshot();

        var h = restored(snapshot, 1, 0);
        assertThat(lockedAccounts(h)).as("right after the restore: A and B").isEqualTo(2);

        watermark(h, "15:06:00");
        assertThat(kinds(h)).containsExactly(ActionKind.UNLOCK);
        assertThat(lockedAccounts(h)).as("B's only lock expired").isEqualTo(1);

        watermark(h, "15:15:00");
        assertThat(kinds(h)).containsExactly(ActionKind.UNLOCK);
        assertThat(lockedAccounts(h)).as("A's RULE-007 lock expired, its RULE-003 lock holds").isEqualTo(1);

        watermark(h, "23:00:00");
        assertThat(kinds(h)).containsExactly(ActionKind.UNLOCK);
        assertThat(lockedAccounts(h)).as("A's last lock expired").isZero();

        send(h, tradeLine("23:30:00", B, 9302, 902, "-150.00"));
        assertThat(lockedAccounts(h)).as("a LOCK after the restore").isEqualTo(1);
    }

    @Test
    void restoredAtTwiceTheParallelismEachSubtaskCountsItsOwnLockedAccounts() throws Exception {
        OperatorSubtaskState snapshot = lockAandBThenSnapshot();

        var first = restored(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM,
                1, 2, 0), 2, 0);
        var second = restored(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM,
                1, 2, 1), 2, 1);
        assertThat(lockedAccounts(first)).as("subtask 0 holds A").isEqualTo(1);
        assertThat(lockedAccounts(second)).as("subtask 1 holds B").isEqualTo(1);

        watermark(first, "15:15:00");
        watermark(second, "15:15:00");
        assertThat(kinds(first)).as("A's RULE-007 lock").containsExactly(ActionKind.UNLOCK);
        assertThat(kinds(second)).as("B's lock").containsExactly(ActionKind.UNLOCK);
        assertThat(lockedAccounts(first)).as("A still locked by RULE-003").isEqualTo(1);
        assertThat(lockedAccounts(second)).as("an UNLOCK of a lock set before the restore").isZero();

        watermark(first, "23:00:00");
        watermark(second, "23:00:00");
        assertThat(kinds(first)).containsExactly(ActionKind.UNLOCK);
        assertThat(kinds(second)).isEmpty();
        assertThat(lockedAccounts(first)).isZero();
        assertThat(lockedAccounts(second)).isZero();
    }

    /** At parallelism 1: A locked twice, B once, C not at all; the snapshot taken then. */
    private OperatorSubtaskState lockAandBThenSnapshot() throws Exception {
        var h = harness(1, 0);
        h.open();
        send(h, tradeLine("15:00:00", A, 9201, 801, "-520.00"));
        assertThat(kinds(h)).containsExactly(ActionKind.LOCK, ActionKind.LOCK, ActionKind.FLATTEN);
        assertThat(lockedAccounts(h)).as("two locks, one account").isEqualTo(1);
        send(h, tradeLine("15:01:00", B, 9301, 901, "-150.00"));
        send(h, tradeLine("15:02:00", C, 9401, 1001, "-50.00"));
        assertThat(kinds(h)).containsExactly(ActionKind.LOCK, ActionKind.FLATTEN);
        assertThat(lockedAccounts(h)).isEqualTo(2);
        return h.snapshot(1L, ms("15:02:00"));
    }

    private KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> harness(
            int parallelism, int subtask) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new AccountRisk(LockedAccountsTest.TWO_LOCK_RULES,
                "locked-accounts-test.yaml", Ordering.ARRIVAL), AccountInput::accountId, null, Types.LONG,
                MAX_PARALLELISM, parallelism, subtask);
        open.add(h);
        return h;
    }

    private KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> restored(
            OperatorSubtaskState snapshot, int parallelism, int subtask) throws Exception {
        var h = harness(parallelism, subtask);
        h.initializeState(snapshot);
        h.open();
        return h;
    }

    private static long lockedAccounts(KeyedTwoInputStreamOperatorTestHarness<Long, ?, ?, ?> h) {
        return ((AccountRisk) h.getOperator()).metrics().lockedAccounts();
    }

    private static void send(KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> h,
            String line) throws Exception {
        var e = parse(line);
        h.processElement1(AccountRiskTest.input(0, e.ts(), line), ms(e.ts()));
    }

    private static void watermark(KeyedTwoInputStreamOperatorTestHarness<Long, ?, ?, ?> h, String time)
            throws Exception {
        h.processBothWatermarks(new Watermark(ms(time)));
    }

    /** The kinds of the actions emitted since the last call. */
    private static List<ActionKind> kinds(
            KeyedTwoInputStreamOperatorTestHarness<Long, AccountInput, MarketInput, DecidedAction> h) {
        List<ActionKind> kinds = h.extractOutputValues().stream().map(d -> d.action().kind()).toList();
        h.getOutput().clear();
        return kinds;
    }

    /** The first account from 2001 up whose key group goes to {@code subtask} of two. */
    private static long firstAccountOfSubtask(int subtask) {
        long account = 2001;
        while (KeyGroupRangeAssignment.assignKeyToParallelOperator(account, MAX_PARALLELISM, 2) != subtask) {
            account++;
        }
        return account;
    }
}
