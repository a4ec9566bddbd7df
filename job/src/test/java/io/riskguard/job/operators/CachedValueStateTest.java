package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.state.ValueState;
import org.junit.jupiter.api.Test;

class CachedValueStateTest {

    private final CountingValueState backend = new CountingValueState();
    private final CachedValueState<String> cell = new CachedValueState<>(backend, "", String::isEmpty);

    {
        cell.select(1001);
    }

    @Test
    void readsTheBackendOncePerTriggerAndGivesTheEmptyValueForNoState() {
        assertThat(cell.get()).isEmpty();
        assertThat(cell.get()).isEmpty();

        assertThat(backend.reads).isEqualTo(1);
    }

    @Test
    void storesAChangeOnlyWhenFlushedAndOnceHoweverOftenItChanged() {
        cell.set("pending close");
        cell.set("locked until 17:00");
        assertThat(cell.get()).isEqualTo("locked until 17:00");
        assertThat(backend.writes).isZero();

        cell.flush();

        assertThat(backend.value).isEqualTo("locked until 17:00");
        assertThat(backend.writes).isEqualTo(1);
    }

    @Test
    void clearsTheStateWhenTheValueBecomesEmpty() {
        backend.value = "locked until 17:00";
        cell.set("");
        cell.flush();

        assertThat(backend.value).isNull();
        assertThat(backend.writes).isEqualTo(1);
    }

    @Test
    void writesNothingWhenAChangeIsUndoneWithinTheTrigger() {
        backend.value = "locked until 17:00";
        cell.set("");
        cell.set("locked until 17:00");
        cell.flush();

        assertThat(backend.writes).isZero();
    }

    @Test
    void changingAccountWithAWriteNotFlushedIsRefused() {
        cell.set("locked until 17:00");

        assertThatThrownBy(() -> cell.select(2002)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesNothingWhenTheValueIsUnchanged() {
        backend.value = "locked until 17:00";
        cell.get();

        cell.set("locked until 17:00");
        cell.flush();

        assertThat(backend.writes).isZero();
    }

    @Test
    void aRecentlyTriggeredAccountIsNotReadAgainButAnotherOneIs() {
        cell.get();
        backend.value = "another key's lock";

        cell.select(2002);
        assertThat(cell.get()).isEqualTo("another key's lock");
        cell.select(1001);
        assertThat(cell.get()).isEmpty();
        assertThat(backend.reads).isEqualTo(2);
    }

    /** An in-memory ValueState that counts reads and writes. */
    private static final class CountingValueState implements ValueState<String> {
        String value;
        int reads;
        int writes;

        @Override
        public String value() {
            reads++;
            return value;
        }

        @Override
        public void update(String v) {
            writes++;
            value = v;
        }

        @Override
        public void clear() {
            writes++;
            value = null;
        }
    }
}
