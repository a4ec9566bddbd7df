package io.riskguard.job.operators;

import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.job.model.AccountValues;
import io.riskguard.market.QuietBand;
import io.riskguard.market.QuoteState;
import io.riskguard.state.AccountFlags;
import io.riskguard.state.DayFigures;
import io.riskguard.state.Holding;
import io.riskguard.state.IdCursor;
import io.riskguard.state.LockBook;
import io.riskguard.state.PendingBook;
import io.riskguard.state.TimerBook;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;

/**
 * Reads what a savepoint of the previous release left in AccountRisk's keyed state (format 1) into
 * this release's: six of its seven small ValueStates and the live event time become one
 * {@link AccountValues} (the fills keep their own); the accounts' own
 * copies of the marks of the contracts they held seed the subtask's quote book (the latest of each
 * contract); every open position is subscribed with a band that the next quote crosses, so its
 * first delivery computes the real one. Runs when such a savepoint is restored, and clears what it
 * read, so it finds nothing the next time.
 */
final class PreviousReleaseState {

    private static final String[] NAMES = {"day", "locks", "pending", "flags", "id-cursor", "timers", "marks",
        "event-time"};

    private PreviousReleaseState() {}

    /** @return the number of accounts migrated (0 when the state holds nothing of the previous release) */
    static int migrate(KeyedStateBackend<Long> backend, KeyedStateStore store, LongConsumer setKey, QuoteFanOut fanOut)
            throws Exception {
        TreeSet<Long> accounts = new TreeSet<>();
        for (String name : NAMES) {
            try (Stream<Long> keys = backend.getKeys(name, VoidNamespace.INSTANCE)) {
                keys.forEach(accounts::add);
            }
        }
        if (accounts.isEmpty()) {
            return 0;
        }
        for (String name : new String[] {RiskState.positions().getName(), RiskState.orders().getName()}) {
            try (Stream<Long> keys = backend.getKeys(name, VoidNamespace.INSTANCE)) {
                keys.forEach(accounts::add); // their keys now go in the small values
            }
        }
        ValueState<DayFigures> day = store.getState(RiskState.Legacy.day());
        ValueState<LockBook> locks = store.getState(RiskState.Legacy.locks());
        ValueState<PendingBook> pending = store.getState(RiskState.Legacy.pending());
        ValueState<AccountFlags> flags = store.getState(RiskState.Legacy.flags());
        ValueState<IdCursor> idCursor = store.getState(RiskState.Legacy.idCursor());
        ValueState<TimerBook> timers = store.getState(RiskState.Legacy.timers());
        ValueState<Instant> eventTime = store.getState(RiskState.Legacy.eventTime());
        MapState<String, QuoteState> marks = store.getMapState(RiskState.Legacy.marks());
        MapState<String, ?> positions = store.getMapState(RiskState.positions());
        MapState<Long, ?> orders = store.getMapState(RiskState.orders());
        ValueState<AccountValues> values = store.getState(RiskState.accountValues());
        Map<String, QuoteState> latest = new TreeMap<>();
        for (long account : accounts) {
            setKey.accept(account);
            Map<String, Holding> holdings = new TreeMap<>();
            for (String contractId : positions.keys()) {
                holdings.put(contractId, new Holding(QuietBand.NEVER, false, 0));
            }
            Set<Long> orderIds = new TreeSet<>();
            orders.keys().forEach(orderIds::add);
            AccountValues v = AccountValues.of(or(day.value(), DayFigures.EMPTY), or(locks.value(), LockBook.EMPTY),
                    or(pending.value(), PendingBook.EMPTY), or(flags.value(), AccountFlags.EMPTY),
                    or(idCursor.value(), IdCursor.EMPTY), or(timers.value(), TimerBook.EMPTY), holdings,
                    holdings.keySet(), orderIds, eventTime.value());
            for (Map.Entry<String, QuoteState> m : marks.entries()) {
                latest.merge(m.getKey(), m.getValue(), (a, b) -> b.quoteTs().isAfter(a.quoteTs()) ? b : a);
            }
            if (!v.isEmpty()) {
                values.update(v);
            }
            day.clear();
            locks.clear();
            pending.clear();
            flags.clear();
            idCursor.clear();
            timers.clear();
            eventTime.clear();
            marks.clear();
        }
        latest.forEach(fanOut::restoreQuote);
        return accounts.size();
    }

    private static <T> T or(T value, T empty) {
        return value == null ? empty : value;
    }
}
