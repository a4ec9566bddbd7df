package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.junit.jupiter.api.Test;

class CachedValueStateTest {

    private final KeyedValueState backend = new KeyedValueState();
    private final CachedValueState<String> cell = new CachedValueState<>(backend, "", String::isEmpty);

    {
        select(1001);
    }

    private void select(long account) {
        backend.key = account;
        cell.select(account);
    }

    /** Writes every unwritten account, as FlinkAccountState does: the key first, then the value. */
    private void flush() {
        for (long account : new long[] {1001, 2002}) {
            backend.key = account;
            cell.write(account);
        }
    }

    @Test
    void readsTheBackendOncePerTriggerAndGivesTheEmptyValueForNoState() {
        assertThat(cell.get()).isEmpty();
        assertThat(cell.get()).isEmpty();

        assertThat(backend.reads).isEqualTo(1);
    }

    @Test
    void aChangeReachesTheBackendAtTheFlushOnceHoweverManyTriggersChangedIt() {
        cell.set("pending close");
        assertThat(cell.endTrigger()).isTrue();
        select(2002);
        cell.get();
        cell.endTrigger();
        select(1001);
        cell.set("locked until 17:00");
        cell.endTrigger();
        assertThat(cell.get()).isEqualTo("locked until 17:00");
        assertThat(backend.writes).isZero();
        assertThat(cell.unwrittenAccounts()).isEqualTo(1);

        flush();

        assertThat(backend.data).containsExactly(Map.entry(1001L, "locked until 17:00"));
        assertThat(backend.writes).isEqualTo(1);
        assertThat(cell.unwrittenAccounts()).isZero();
    }

    @Test
    void eachAccountsValueIsWrittenUnderItsOwnKey() {
        cell.set("locked until 17:00");
        cell.endTrigger();
        select(2002);
        cell.set("pending close");
        cell.endTrigger();

        flush();

        assertThat(backend.data).containsOnly(Map.entry(1001L, "locked until 17:00"), Map.entry(2002L, "pending close"));
    }

    @Test
    void clearsTheStateWhenTheValueBecomesEmpty() {
        backend.data.put(1001L, "locked until 17:00");
        cell.set("");
        cell.endTrigger();
        flush();

        assertThat(backend.data).isEmpty();
        assertThat(backend.writes).isEqualTo(1);
    }

    @Test
    void writesNothingWhenAChangeIsUndoneBeforeTheFlush() {
        backend.data.put(1001L, "locked until 17:00");
        cell.set("");
        cell.endTrigger();
        select(1001);
        cell.set("locked until 17:00");
        cell.endTrigger();
        flush();

        assertThat(backend.writes).isZero();
    }

    @Test
    void writesNothingWhenTheValueIsUnchanged() {
        backend.data.put(1001L, "locked until 17:00");
        cell.get();

        cell.set("locked until 17:00");
        assertThat(cell.endTrigger()).isFalse();
        flush();

        assertThat(backend.writes).isZero();
    }

    @Test
    void changingAccountAfterAChangeWithoutEndingTheTriggerIsRefused() {
        cell.set("locked until 17:00");

        assertThatThrownBy(() -> cell.select(2002)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRecentlyTriggeredAccountIsNotReadAgainButAnotherOneIs() {
        cell.get();
        backend.data.put(2002L, "another key's lock");

        select(2002);
        assertThat(cell.get()).isEqualTo("another key's lock");
        select(1001);
        assertThat(cell.get()).isEmpty();
        assertThat(backend.reads).isEqualTo(2);
    }

    @Test
    void anAccountDroppedFromTheRecentOnesKeepsItsUnwrittenValueUntilTheFlush() {
        CachedValueState<String> one = new CachedValueState<>(backend, "", String::isEmpty, 1);
        backend.key = 1001;
        one.select(1001);
        one.set("locked until 17:00");
        one.endTrigger();
        backend.key = 2002;
        one.select(2002);
        one.get();
        one.endTrigger();

        int reads = backend.reads;
        backend.key = 1001;
        one.select(1001);
        assertThat(one.get()).isEqualTo("locked until 17:00");
        assertThat(backend.reads).as("1001 is not read again").isEqualTo(reads);
        backend.key = 1001;
        one.write(1001);
        assertThat(backend.data).containsExactly(Map.entry(1001L, "locked until 17:00"));
    }

    /** An in-memory keyed ValueState that counts reads and writes. */
    static final class KeyedValueState implements ValueState<String> {
        final Map<Long, String> data = new HashMap<>();
        long key;
        int reads;
        int writes;

        @Override
        public String value() {
            reads++;
            return data.get(key);
        }

        @Override
        public void update(String v) {
            writes++;
            data.put(key, v);
        }

        @Override
        public void clear() {
            writes++;
            data.remove(key);
        }
    }
}
