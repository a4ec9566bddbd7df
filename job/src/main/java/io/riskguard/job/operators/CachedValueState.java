package io.riskguard.job.operators;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.ValueState;

/**
 * One ValueState per account, decoded in memory for the recently triggered accounts and written
 * behind: a trigger's change is kept as the account's unwritten value ({@link #endTrigger()}) until
 * {@link #write} (see {@link FlinkAccountState} for when), so RocksDB sees one write for many
 * triggers of an account. An account with an unwritten value keeps it in memory until written,
 * even when dropped from the recent ones. A value changed back to what is stored is not written. The empty value is stored as "no state", so what
 * ends leaves nothing behind. Values must be immutable: equality decides whether a write is needed.
 */
final class CachedValueState<T> {

    private static final class Slot<T> {
        T stored;
        T value;
        boolean unwritten;

        boolean changed() {
            return value != null && value != stored && !value.equals(stored);
        }
    }

    private final ValueState<T> state;
    private final T empty;
    private final Predicate<T> isEmpty;
    private final RecentAccounts<Slot<T>> recent;
    private final Map<Long, Slot<T>> unwritten = new HashMap<>();
    private long account;
    private Slot<T> current;

    CachedValueState(ValueState<T> state, T empty, Predicate<T> isEmpty) {
        this(state, empty, isEmpty, RecentAccounts.CAPACITY);
    }

    CachedValueState(ValueState<T> state, T empty, Predicate<T> isEmpty, int capacity) {
        this.state = state;
        this.empty = empty;
        this.isEmpty = isEmpty;
        this.recent = new RecentAccounts<>(capacity);
    }

    /** The state backend's current key is {@code account} now; the previous trigger must have ended. */
    void select(long account) {
        if (current != null && !current.unwritten && current.changed()) {
            throw new IllegalStateException("the previous trigger changed a value and did not end");
        }
        this.account = account;
        current = recent.get(account);
        if (current == null) {
            current = unwritten.get(account);
            if (current == null) {
                current = new Slot<>();
            }
            recent.put(account, current);
        }
    }

    T get() {
        if (current.value == null) {
            T stored = StateCalls.call(state::value);
            current.stored = stored == null ? empty : stored;
            current.value = current.stored;
        }
        return current.value;
    }

    /** Takes effect at once for {@link #get()}; reaches the state at {@link #write}. */
    void set(T value) {
        get();
        current.value = value;
    }

    /** Ends the current account's trigger: returns whether the account now has a value to write. */
    boolean endTrigger() {
        if (!current.unwritten && current.changed()) {
            current.unwritten = true;
            unwritten.put(account, current);
        }
        return current.unwritten;
    }

    /** Accounts whose value is not written yet. */
    int unwrittenAccounts() {
        return unwritten.size();
    }

    /**
     * Writes {@code account}'s unwritten value, if it has one; the state backend's current key must
     * be {@code account}.
     */
    void write(long account) {
        Slot<T> slot = unwritten.remove(account);
        if (slot == null) {
            return;
        }
        slot.unwritten = false;
        if (!slot.changed()) {
            return;
        }
        T value = slot.value;
        if (isEmpty.test(value)) {
            StateCalls.run(state::clear);
        } else {
            StateCalls.run(() -> state.update(value));
        }
        slot.stored = value;
    }
}
