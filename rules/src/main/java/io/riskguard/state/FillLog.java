package io.riskguard.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counted fills in ts order, kept while a RULE-006 window can still see them. */
public record FillLog(List<Fill> fills) {

    public static final FillLog EMPTY = new FillLog(List.of());

    public FillLog {
        fills = List.copyOf(fills);
    }

    public boolean isEmpty() {
        return fills.isEmpty();
    }

    public FillLog append(Fill fill) {
        List<Fill> next = new ArrayList<>(fills.size() + 1);
        next.addAll(fills);
        next.add(fill);
        return new FillLog(next);
    }

    public FillLog without(long tradeId) {
        List<Fill> next = new ArrayList<>(fills.size());
        for (Fill f : fills) {
            if (f.tradeId() != tradeId) {
                next.add(f);
            }
        }
        return next.size() == fills.size() ? this : new FillLog(next);
    }

    /** Drops fills older than {@code horizon}. */
    public FillLog keepFrom(Instant horizon) {
        int first = 0;
        while (first < fills.size() && fills.get(first).ts().isBefore(horizon)) {
            first++;
        }
        return first == 0 ? this : new FillLog(fills.subList(first, fills.size()));
    }
}
