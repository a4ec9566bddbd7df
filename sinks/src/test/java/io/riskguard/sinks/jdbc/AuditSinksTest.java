package io.riskguard.sinks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import io.riskguard.sinks.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL sinks through Flink's JDBC connector, into a real (embedded) PostgreSQL. */
class AuditSinksTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final Instant T = Instant.parse("2026-03-02T15:20:00Z");

    static Action lock(long account, int rule, Instant ts, Instant until, DecisionCause cause, String reason) {
        return new Action(account + ":" + Action.ruleId(rule) + ":LOCK:trade:1:" + ts + ":0", ts, account, rule,
                ActionKind.LOCK, until, null, null, null, null, reason, 7, cause);
    }

    static Action unlock(long account, int rule, Instant ts) {
        return new Action(account + ":" + Action.ruleId(rule) + ":UNLOCK:timer:" + ts + ":0", ts, account, rule,
                ActionKind.UNLOCK, null, null, null, null, null, "lock of " + Action.ruleId(rule) + " ended at " + ts,
                7, DecisionCause.LOCK_EXPIRED);
    }

    static Action modify(long account, DecisionCause cause, String reason) {
        return new Action(account + ":RULE-012:MODIFY_STOP:quote:CON.F.US.MNQ.H26:" + T + ":0", T, account, 12,
                ActionKind.MODIFY_STOP, null, "CON.F.US.MNQ.H26", null, 1201L, new BigDecimal("21000.25"),
                reason, 7, cause);
    }

    private static void run(JdbcSettings db, List<Action> actions) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Action> stream = env.fromData(actions, TypeInformation.of(Action.class)).setParallelism(1);
        stream.sinkTo(AuditSinks.enforcementActions(db));
        stream.filter(AuditSinks::isLockChange).keyBy(Action::accountId).sinkTo(AuditSinks.accountLocks(db));
        env.execute("audit sinks test");
    }

    @Test
    void recordsEveryActionOnceWithAllItsFieldsEvenWhenWrittenTwice() throws Exception {
        JdbcSettings db = TestDatabase.freshDatabase();
        Action lock = lock(1001, 3, T, Instant.parse("2026-03-02T23:00:00Z"), DecisionCause.DAILY_REALIZED_LOSS_REACHED, "daily realized P&L -300.00 reached the limit -300.00");
        Action modify = modify(2002, DecisionCause.BREAK_EVEN_STOP, "break-even stop for CON.F.US.MNQ.H26: 20990 -> 21000.25 (profit 4 ticks)");

        run(db, List.of(lock, modify, lock, modify));

        assertThat(TestDatabase.rows(db, "SELECT action_json FROM enforcement_actions ORDER BY ts, account_id"))
                .containsExactly(ActionJson.toJson(lock), ActionJson.toJson(modify));
        assertThat(TestDatabase.rows(db, "SELECT account_id, rule, kind, scope, until_text, contract_id, order_id, "
                + "stop_price, config_version FROM enforcement_actions ORDER BY account_id")).containsExactly(
                "1001|RULE-003|LOCK|account|2026-03-02T23:00:00Z|null|null|null|7",
                "2002|RULE-012|MODIFY_STOP|null|null|CON.F.US.MNQ.H26|1201|21000.25|7");
    }

    @Test
    void storesEachActionsCauseBesideItsReason() throws Exception {
        JdbcSettings db = TestDatabase.freshDatabase();
        Action lock = lock(1001, 10, T, null, DecisionCause.BROKER_TRADING_DISABLED, "broker reports canTrade=false");
        Action modify = modify(2002, DecisionCause.TRAILING_STOP,
                "trailing stop for CON.F.US.MNQ.H26: 21000.25 -> 21001.5 (profit 10 ticks)");

        run(db, List.of(lock, modify));

        assertThat(TestDatabase.rows(db, "SELECT account_id, cause FROM enforcement_actions ORDER BY account_id"))
                .containsExactly("1001|broker_trading_disabled", "2002|trailing_stop");
    }

    @Test
    void storesSqlHostileTextVerbatim() throws Exception {
        JdbcSettings db = TestDatabase.freshDatabase();
        String hostile = "Robert'); DROP TABLE enforcement_actions;-- \"quoted\" \\ back\\slash ünïcode \u0001";
        Action a = modify(3003, DecisionCause.TRAILING_STOP, hostile);

        run(db, List.of(a));

        assertThat(TestDatabase.rows(db, "SELECT reason FROM enforcement_actions")).containsExactly(hostile);
        assertThat(TestDatabase.rows(db, "SELECT action_json FROM enforcement_actions"))
                .containsExactly(ActionJson.toJson(a));
    }

    @Test
    void keepsTheCurrentLockPerAccountAndRuleAndTheViewShowsOnlyActiveOnes() throws Exception {
        JdbcSettings db = TestDatabase.freshDatabase();
        Instant t1 = Instant.parse("2026-03-02T15:00:00Z");
        List<Action> actions = new ArrayList<>();
        actions.add(lock(1001, 7, t1, Instant.parse("2026-03-02T15:05:00Z"), DecisionCause.ORDER_LOSS_TIER_REACHED, "order 801 lost -110.00, reaching the tier -100.00"));
        actions.add(lock(1001, 3, t1, Instant.parse("2026-03-02T23:00:00Z"), DecisionCause.DAILY_REALIZED_LOSS_REACHED, "daily realized P&L -520.00 reached the limit -500.00"));
        actions.add(unlock(1001, 7, Instant.parse("2026-03-02T15:05:00Z")));
        actions.add(lock(2002, 10, t1, null, DecisionCause.BROKER_TRADING_DISABLED, "broker reports canTrade=false"));
        actions.add(lock(3003, 6, t1, Instant.parse("2026-03-02T15:01:00Z"), DecisionCause.TRADE_FREQUENCY_EXCEEDED, "4 entries in the last 60 s exceed the limit 3"));
        actions.add(unlock(3003, 6, Instant.parse("2026-03-02T15:01:00Z")));

        run(db, actions);

        assertThat(TestDatabase.rows(db, "SELECT account_id, rule, locked_until FROM locked_accounts_now "
                + "ORDER BY account_id, rule")).containsExactly(
                "1001|RULE-003|2026-03-02 23:00:00+00",
                "2002|RULE-010|null");
        assertThat(TestDatabase.rows(db, "SELECT account_id, rule, active FROM account_locks ORDER BY account_id, rule"))
                .containsExactly("1001|RULE-003|t", "1001|RULE-007|f", "2002|RULE-010|t", "3003|RULE-006|f");
    }

    @Test
    void anOlderLockChangeArrivingLateDoesNotOverwriteANewerOne() throws Exception {
        JdbcSettings db = TestDatabase.freshDatabase();
        Instant t1 = Instant.parse("2026-03-02T15:00:00Z");
        Instant t2 = Instant.parse("2026-03-02T15:05:00Z");
        Action first = lock(1001, 7, t1, t2, DecisionCause.ORDER_LOSS_TIER_REACHED, "first");
        Action end = unlock(1001, 7, t2);
        Action again = lock(1001, 7, t2, Instant.parse("2026-03-02T15:20:00Z"), DecisionCause.ORDER_LOSS_TIER_REACHED, "again at the same instant");

        // written out of order and twice: UNLOCK-then-LOCK at t2 is the job's order; the t1 LOCK is stale
        run(db, List.of(again, end, first, again, end));

        assertThat(TestDatabase.rows(db, "SELECT active, reason, locked_until_text FROM account_locks"))
                .containsExactly("t|again at the same instant|2026-03-02T15:20:00Z");
    }
}
