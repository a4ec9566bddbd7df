package io.riskguard.engine;

import io.riskguard.contract.Action;
import io.riskguard.contract.Event;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.state.IdCursor;
import java.time.Instant;

/**
 * Deterministic action ids (RULES.md §1.10): {@code <accountId>:<rule>:<kind>:<source>:<index>},
 * where the index continues when a second trigger of the account has the same source.
 */
final class ActionIds {

    private ActionIds() {}

    /** {@code <type>:<brokerId>:<ts>} of an account event, at its evaluation time. */
    static String eventSource(Event e, long accountId, Instant t) {
        long brokerId = accountId;
        if (e instanceof PositionEvent p) {
            brokerId = p.positionId();
        } else if (e instanceof OrderEvent o) {
            brokerId = o.orderId();
        } else if (e instanceof TradeEvent tr) {
            brokerId = tr.tradeId();
        }
        return e.type().wireName() + ":" + brokerId + ":" + t;
    }

    static String quoteSource(String contractId, Instant t) {
        return "quote:" + contractId + ":" + t;
    }

    static String timerSource(Instant due) {
        return "timer:" + due;
    }

    static String id(long accountId, Candidate c, String source, int index) {
        return accountId + ":" + Action.ruleId(c.rule()) + ":" + c.kind() + ":" + source + ":" + index;
    }

    /** First index for this trigger; the cursor is advanced by {@link #advance}. */
    static int firstIndex(IdCursor cursor, Instant t, String source) {
        return cursor.next(t, source);
    }

    static IdCursor advance(IdCursor cursor, Instant t, String source, int next) {
        return cursor.advanced(t, source, next);
    }
}
