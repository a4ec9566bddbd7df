package io.riskguard.job.operators;

import java.util.function.Predicate;
import org.apache.flink.api.common.state.ValueState;

/**
 * One ValueState of the current account, read from the state backend only when the account was not
 * among the recently triggered ones (RocksDB deserializes on every read) and written at most once per
 * trigger, by {@link #flush()}, and only if the value differs from what is stored. Writes go through
 * to the state at once when flushed, so the state always holds what the cache holds. The empty value
 * is stored as "no state", so what ends leaves nothing behind. Values must be immutable: equality
 * decides whether a write is needed.
 */
final class CachedValueState<T> {

    private static final class Slot<T> {
        T stored;
        T value;
    }

    private final ValueState<T> state;
    private final T empty;
    private final Predicate<T> isEmpty;
    private final RecentAccounts<Slot<T>> recent;
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

    /** The state backend's current key is {@code account} now; the previous account's value must be flushed. */
    void select(long account) {
        if (dirty()) {
            throw new IllegalStateException("the previous account's value was not flushed before the key changed");
        }
        current = recent.of(account, Slot::new);
    }

    private boolean dirty() {
        return current != null && current.value != null && current.value != current.stored
                && !current.value.equals(current.stored);
    }

    T get() {
        if (current.value == null) {
            T stored = StateCalls.call(state::value);
            current.stored = stored == null ? empty : stored;
            current.value = current.stored;
        }
        return current.value;
    }

    /** Takes effect at once for {@link #get()}; reaches the state at {@link #flush()}. */
    void set(T value) {
        get();
        current.value = value;
    }

    /** Writes the value if it changed since it was stored. */
    void flush() {
        if (!dirty()) {
            return;
        }
        T value = current.value;
        if (isEmpty.test(value)) {
            StateCalls.run(state::clear);
        } else {
            StateCalls.run(() -> state.update(value));
        }
        current.stored = value;
    }
}
