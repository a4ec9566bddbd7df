package io.riskguard.fanout;

import io.riskguard.config.RiskConfig;
import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.ClockEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.LineMerger;
import io.riskguard.contract.MergedLine;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.market.QuoteBook;
import io.riskguard.market.QuoteState;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.state.MemoryAccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link SequentialReplay}'s order of events and timers, but with quotes delivered as the job
 * delivers them: accounts split over {@code subtasks} (each with its own {@link QuoteFanOut} that
 * sees every quote), and a quote reaches only the holders whose quiet band it leaves. The
 * differential tests compare its actions with the full fan-out reference's.
 */
final class FanOutReplay {

    private record Emitted(Action action, long seq) {}

    private CompiledConfig config;
    private final RiskEngine engine = new RiskEngine();
    private final AccountDesk[] desks;
    private final QuoteBook quotes = new QuoteBook();
    private final Map<Long, MemoryAccountState> accounts = new TreeMap<>();
    private final NavigableMap<Instant, Set<Long>> timers = new TreeMap<>();
    private final List<Emitted> emitted = new ArrayList<>();
    private long seq;
    private long delivered;
    private long fullFanOut;

    FanOutReplay(RiskConfig config, int subtasks, int historyLimit) {
        this.config = CompiledConfig.of(config);
        this.desks = new AccountDesk[subtasks];
        for (int i = 0; i < subtasks; i++) {
            desks[i] = new AccountDesk(engine, new QuoteFanOut(historyLimit));
        }
    }

    /** Quote triggers the full fan-out would have run, and how many of them were delivered. */
    long fullFanOut() {
        return fullFanOut;
    }

    long delivered() {
        return delivered;
    }

    /** A new configuration from the next trigger on, as the control topic would bring it. */
    void useConfig(RiskConfig next, Instant t) {
        CompiledConfig after = CompiledConfig.of(next);
        for (AccountDesk desk : desks) {
            for (long account : desk.fanOut().accounts()) {
                desk.reconfigure(account(account), config, after, account, t);
            }
        }
        config = after;
    }

    /** @param switchAt the line index before which {@code next} replaces the config, or -1 */
    List<Action> run(List<List<String>> files, RiskConfig next, int switchAt) {
        List<Iterator<String>> sources = new ArrayList<>();
        files.forEach(f -> sources.add(f.iterator()));
        LineMerger merger = new LineMerger(sources, null);
        int index = 0;
        while (merger.hasNext()) {
            MergedLine line = merger.next();
            if (index++ == switchAt) {
                useConfig(next, line.evalTs() == null ? Instant.EPOCH : line.evalTs());
            }
            if (line.accepted()) {
                fireTimersUpTo(line.evalTs());
                dispatch(line.event(), line.evalTs());
            }
        }
        if (merger.eventTime() != null) {
            fireTimersUpTo(merger.eventTime());
        }
        List<Emitted> sorted = new ArrayList<>(emitted);
        sorted.sort(Comparator.comparing((Emitted x) -> x.action().ts())
                .thenComparingLong(x -> x.action().accountId()).thenComparingLong(Emitted::seq));
        return sorted.stream().map(Emitted::action).toList();
    }

    private void dispatch(Event e, Instant t) {
        if (e instanceof ClockEvent) {
            return;
        }
        if (e instanceof QuoteEvent q) {
            QuoteState merged = quotes.apply(q);
            for (AccountDesk desk : desks) {
                fullFanOut += desk.fanOut().holderCount(q.contractId());
                for (long account : desk.fanOut().onQuote(q.contractId(), merged, t)) {
                    delivered++;
                    apply(account, desk.quote(account(account), config, account, q.contractId(), t));
                }
                desk.fanOut().afterQuote(q.contractId());
            }
            return;
        }
        long account = ((AccountScopedEvent) e).accountId();
        apply(account, desk(account).event(account(account), config, account, e, t));
    }

    private void fireTimersUpTo(Instant t) {
        while (!timers.isEmpty() && !timers.firstKey().isAfter(t)) {
            Map.Entry<Instant, Set<Long>> due = timers.pollFirstEntry();
            for (long account : due.getValue()) {
                apply(account, desk(account).timer(account(account), config, account, due.getKey()));
            }
        }
    }

    private void apply(long account, Decision d) {
        for (Action a : d.actions()) {
            emitted.add(new Emitted(a, seq++));
        }
        for (Instant i : d.timersToCancel()) {
            Set<Long> due = timers.get(i);
            if (due != null && due.remove(account) && due.isEmpty()) {
                timers.remove(i);
            }
        }
        for (Instant i : d.timersToSet()) {
            timers.computeIfAbsent(i, k -> new TreeSet<>()).add(account);
        }
    }

    private AccountDesk desk(long account) {
        return desks[Math.floorMod(Long.hashCode(account * 0x9E3779B97F4A7C15L), desks.length)];
    }

    private MemoryAccountState account(long account) {
        return accounts.computeIfAbsent(account, id -> new MemoryAccountState());
    }
}
