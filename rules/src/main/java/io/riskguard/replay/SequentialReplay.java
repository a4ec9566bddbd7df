package io.riskguard.replay;

import io.riskguard.config.RiskConfig;
import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.Event;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.LineMerger;
import io.riskguard.contract.MergedLine;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.engine.RuleListener;
import io.riskguard.market.QuoteBook;
import io.riskguard.state.MemoryAccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays bounded event files through the engine in one thread, exactly as CONTRACT.md §4 and
 * RULES.md §1.3 define a replay: files merged by ts ({@link LineMerger}), timers due at or before an
 * event's evaluation time fired first, event time ending at {@code until} or the last event's ts,
 * and actions ordered by ts, then account, then decision order. It is the reference the Flink job
 * is compared with, and what unit tests and benchmarks drive.
 */
public final class SequentialReplay {

    /** Everything a replay produced. */
    public record Result(List<Action> actions, List<DeadLetter> deadLetters, Map<Long, MemoryAccountState> accounts,
            long eventsRead) {}

    private record Emitted(Action action, long seq) {}

    private CompiledConfig config;
    private final RiskEngine engine;
    private final QuoteBook quotes = new QuoteBook();
    private final Map<Long, MemoryAccountState> accounts = new TreeMap<>();
    private final Map<String, Set<Long>> holders = new HashMap<>();
    private final NavigableMap<Instant, Set<Long>> timers = new TreeMap<>();
    private final List<Emitted> emitted = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private long seq;
    private long read;

    public SequentialReplay(RiskConfig config) {
        this(config, RuleListener.NONE);
    }

    /** A replay whose engine tells {@code listener} what each trigger evaluated and breached. */
    public SequentialReplay(RiskConfig config, RuleListener listener) {
        this.config = CompiledConfig.of(config);
        this.engine = new RiskEngine(listener);
    }

    /** Replaces the configuration from the next trigger on, as a config update on the control topic would. */
    public void useConfig(RiskConfig next) {
        this.config = CompiledConfig.of(next);
    }

    /**
     * @param files the lines of each events file, in command-line order
     * @param until end of event time, or null for the last event's ts
     */
    public Result run(List<List<String>> files, Instant until) {
        List<Iterator<String>> sources = new ArrayList<>();
        for (List<String> lines : files) {
            sources.add(lines.iterator());
        }
        LineMerger merger = new LineMerger(sources, until);
        while (merger.hasNext()) {
            MergedLine line = merger.next();
            if (line.accepted()) {
                accept(line.event(), line.evalTs());
            } else {
                reject(line.cause(), line.rejection(), line.line());
            }
        }
        Instant end = until != null ? until : merger.eventTime();
        if (end != null) {
            endAt(end);
        }
        return result();
    }

    /** One accepted event, evaluated at {@code evalTs}: the timers due by then fire first. */
    public void accept(Event e, Instant evalTs) {
        read++;
        fireTimersUpTo(evalTs);
        dispatch(e, evalTs);
    }

    public void reject(InputCause cause, String reason, String line) {
        read++;
        deadLetters.add(DeadLetter.rejected(cause, reason, line));
    }

    /** Ends event time at {@code t}: timers due by then fire. */
    public void endAt(Instant t) {
        fireTimersUpTo(t);
    }

    /** How many actions have been decided so far. */
    public int decided() {
        return emitted.size();
    }

    /** The actions decided after the first {@code from}, in decision order (closed-loop simulations react to them). */
    public List<Action> decidedFrom(int from) {
        return emitted.subList(from, emitted.size()).stream().map(Emitted::action).toList();
    }

    /** Everything decided so far, actions in file order. */
    public Result result() {
        List<Emitted> sorted = new ArrayList<>(emitted);
        sorted.sort(Comparator.comparing((Emitted x) -> x.action().ts())
                .thenComparingLong(x -> x.action().accountId())
                .thenComparingLong(Emitted::seq));
        List<Action> actions = sorted.stream().map(Emitted::action).toList();
        return new Result(actions, List.copyOf(deadLetters), accounts, read);
    }

    private void dispatch(Event e, Instant t) {
        if (e instanceof QuoteEvent q) {
            quotes.apply(q);
            for (long accountId : List.copyOf(holders.getOrDefault(q.contractId(), Set.of()))) {
                apply(accountId, engine.onQuote(account(accountId), config, accountId, q.contractId(), t, quotes));
            }
            return;
        }
        if (!(e instanceof AccountScopedEvent scoped)) {
            return; // a clock record only moves event time
        }
        long accountId = scoped.accountId();
        MemoryAccountState state = account(accountId);
        apply(accountId, engine.onEvent(state, config, e, t, quotes));
        if (e instanceof PositionEvent p) {
            Set<Long> holding = holders.computeIfAbsent(p.contractId(), k -> new TreeSet<>());
            if (state.position(p.contractId()) != null) {
                holding.add(accountId);
            } else {
                holding.remove(accountId);
            }
        }
    }

    private void fireTimersUpTo(Instant t) {
        while (!timers.isEmpty() && !timers.firstKey().isAfter(t)) {
            Map.Entry<Instant, Set<Long>> due = timers.pollFirstEntry();
            for (long accountId : due.getValue()) {
                apply(accountId, engine.onTimer(account(accountId), config, accountId, due.getKey(), quotes));
            }
        }
    }

    private void apply(long accountId, Decision decision) {
        for (Action a : decision.actions()) {
            emitted.add(new Emitted(a, seq++));
        }
        deadLetters.addAll(decision.warnings());
        for (Instant i : decision.timersToCancel()) {
            Set<Long> due = timers.get(i);
            if (due != null) {
                due.remove(accountId);
                if (due.isEmpty()) {
                    timers.remove(i);
                }
            }
        }
        for (Instant i : decision.timersToSet()) {
            timers.computeIfAbsent(i, k -> new TreeSet<>()).add(accountId);
        }
    }

    private MemoryAccountState account(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new MemoryAccountState());
    }
}
