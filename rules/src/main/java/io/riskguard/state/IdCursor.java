package io.riskguard.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Next action index per id source at the latest evaluation time (RULES.md §1.10: a second trigger
 * with the same source continues the index). Sources embed their ts, so only one instant matters.
 */
public record IdCursor(Instant at, Map<String, Integer> nextIndex) {

    public static final IdCursor EMPTY = new IdCursor(null, Map.of());

    public IdCursor {
        nextIndex = Map.copyOf(nextIndex);
    }

    public boolean isEmpty() {
        return at == null;
    }

    public int next(Instant t, String source) {
        return t.equals(at) ? nextIndex.getOrDefault(source, 0) : 0;
    }

    public IdCursor advanced(Instant t, String source, int next) {
        Map<String, Integer> m = t.equals(at) ? new HashMap<>(nextIndex) : new HashMap<>();
        m.put(source, next);
        return new IdCursor(t, m);
    }
}
