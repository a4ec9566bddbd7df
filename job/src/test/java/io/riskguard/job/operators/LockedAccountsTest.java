package io.riskguard.job.operators;

import static io.riskguard.job.operators.TestEvents.at;
import static io.riskguard.job.operators.TestEvents.parse;
import static io.riskguard.job.operators.TestEvents.tradeLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.RiskEngine;
import io.riskguard.fanout.AccountDesk;
import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.state.LockBook;
import io.riskguard.state.LockRecord;
import io.riskguard.state.MemoryAccountState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The locked accounts behind the {@code lockedAccounts} gauge, without Flink: an account counts once
 * from its first LOCK until the UNLOCK of its last lock record, and the count rebuilt from the lock
 * books alone is the one kept trigger by trigger.
 */
class LockedAccountsTest {

    /** RULES.md §5.14: a −520.00 trade locks by RULE-003 until 23:00 and by RULE-007 until 15:15. */
    static final String TWO_LOCK_RULES = AccountRiskTest.CONFIG
            .replace("daily_realized_loss: { enabled: true, limit: -500.00, include_fees: false }",
                    "daily_realized_loss: { enabled: true, limit: -500.00, include_fees: false }\n"
                            + "  cooldown_after_loss: { tiers: [ { loss: -100.00, cooldown: 5m },"
                            + " { loss: -200.00, cooldown: 15m } ] }");

    private final AccountDesk desk = new AccountDesk(new RiskEngine(), new QuoteFanOut());
    private final LockedAccounts locked = new LockedAccounts();

    @Test
    void aLockBookIsLockedWhileItHoldsARecord() {
        LockBook two = LockBook.EMPTY.with(new LockRecord(3, at("23:00:00"))).with(new LockRecord(10, null));
        assertThat(LockedAccounts.isLocked(LockBook.EMPTY)).isFalse();
        assertThat(LockedAccounts.isLocked(two)).isTrue();
        assertThat(LockedAccounts.isLocked(two.without(3))).isTrue();
        assertThat(LockedAccounts.isLocked(two.without(3).without(10))).isFalse();
    }

    @Test
    void countsAccountsNotLocksAndNeverGoesNegative() {
        LockBook two = LockBook.EMPTY.with(new LockRecord(3, at("23:00:00"))).with(new LockRecord(7, at("15:15:00")));
        locked.update(2002, two);
        locked.update(2002, two);
        assertThat(locked.count()).as("one account with two locks, recorded twice").isEqualTo(1);
        locked.update(3003, LockBook.EMPTY.with(new LockRecord(10, null)));
        assertThat(locked.count()).isEqualTo(2);
        locked.update(2002, two.without(7));
        assertThat(locked.count()).as("its first lock ended, not its last").isEqualTo(2);
        locked.update(2002, LockBook.EMPTY);
        locked.update(2002, LockBook.EMPTY);
        locked.update(4004, LockBook.EMPTY);
        assertThat(locked.count()).as("an unlock of an account not counted here changes nothing").isEqualTo(1);
    }

    /** The engine's own LOCKs and expiry UNLOCKs, applied trigger by trigger as AccountRisk does. */
    @Test
    void followsTheEnginesLocksAndExpiries() throws Exception {
        CompiledConfig config = CompiledConfig.of(ConfigLoader.parse(TWO_LOCK_RULES, "locked-accounts-test.yaml"));
        MemoryAccountState a2002 = new MemoryAccountState();
        MemoryAccountState a2003 = new MemoryAccountState();

        assertThat(event(config, 2002, a2002, tradeLine("15:00:00", 2002, 9201, 801, "-520.00")))
                .containsExactly(ActionKind.LOCK, ActionKind.LOCK, ActionKind.FLATTEN);
        assertThat(locked.count()).as("two locks, one account").isEqualTo(1);
        assertThat(event(config, 2003, a2003, tradeLine("15:01:00", 2003, 9301, 901, "-150.00")))
                .containsExactly(ActionKind.LOCK, ActionKind.FLATTEN);
        assertThat(locked.count()).isEqualTo(2);

        assertThat(timer(config, 2002, a2002, at("15:15:00"))).containsExactly(ActionKind.UNLOCK);
        assertThat(locked.count()).as("RULE-007 expired, RULE-003 still holds 2002").isEqualTo(2);
        assertThat(rebuilt(a2002, a2003)).as("rebuilt from the lock books alone").isEqualTo(2);

        assertThat(timer(config, 2003, a2003, at("15:06:00"))).containsExactly(ActionKind.UNLOCK);
        assertThat(locked.count()).isEqualTo(1);
        assertThat(timer(config, 2002, a2002, at("23:00:00"))).containsExactly(ActionKind.UNLOCK);
        assertThat(locked.count()).as("the last lock of 2002 expired").isZero();
        assertThat(rebuilt(a2002, a2003)).isZero();
    }

    private List<ActionKind> event(CompiledConfig config, long account, MemoryAccountState state, String line) {
        Instant t = parse(line).ts();
        return applied(account, state, desk.event(state, config, account, parse(line), t).actions());
    }

    private List<ActionKind> timer(CompiledConfig config, long account, MemoryAccountState state, Instant due) {
        return applied(account, state, desk.timer(state, config, account, due).actions());
    }

    /** What AccountRisk does after each trigger: the account's lock book as the trigger left it. */
    private List<ActionKind> applied(long account, MemoryAccountState state, List<Action> actions) {
        locked.update(account, state.locks());
        return actions.stream().map(Action::kind).toList();
    }

    /** What a restore rebuilds: every account's persisted lock book, and nothing else. */
    private static int rebuilt(MemoryAccountState a2002, MemoryAccountState a2003) {
        LockedAccounts fresh = new LockedAccounts();
        fresh.update(2002, a2002.locks());
        fresh.update(2003, a2003.locks());
        return fresh.count();
    }
}
