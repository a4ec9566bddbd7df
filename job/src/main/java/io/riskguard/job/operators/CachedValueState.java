package io.riskguard.job.operators;

import java.util.function.Predicate;
import org.apache.flink.api.common.state.ValueState;

/**
 * One ValueState read at most once per trigger (RocksDB deserializes on every read) and written only
 * when the value changes. The empty value is stored as "no state", so what ends leaves nothing
 * behind. Values must be immutable: equality decides whether a write is needed.
 */
final class CachedValueState<T> {

    private final ValueState<T> state;
    private final T empty;
    private final Predicate<T> isEmpty;
    private T cached;

    CachedValueState(ValueState<T> state, T empty, Predicate<T> isEmpty) {
        this.state = state;
        this.empty = empty;
        this.isEmpty = isEmpty;
    }

    T get() {
        if (cached == null) {
            T stored = StateCalls.call(state::value);
            cached = stored == null ? empty : stored;
        }
        return cached;
    }

    void set(T value) {
        if (value.equals(cached)) {
            return;
        }
        cached = value;
        if (isEmpty.test(value)) {
            StateCalls.run(state::clear);
        } else {
            StateCalls.run(() -> state.update(value));
        }
    }

    /** The next trigger may be of another key. */
    void forget() {
        cached = null;
    }
}
