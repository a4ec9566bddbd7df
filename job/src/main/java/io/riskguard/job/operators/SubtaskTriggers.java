package io.riskguard.job.operators;

import io.riskguard.contract.Action;
import io.riskguard.contract.DeadLetter;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.fanout.AccountDesk;
import io.riskguard.fanout.QuoteFanOut;
import io.riskguard.job.model.AccountInput;
import io.riskguard.job.model.AccountValues;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.DecidedAction;
import io.riskguard.job.model.MarketInput;
import io.riskguard.state.LockBook;
import java.time.Instant;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The triggers of one AccountRisk subtask's accounts: for each, load the account's state, call the
 * engine ({@link AccountDesk}), keep what changed, emit the decision, and keep the subtask's timer
 * index and locked accounts in step. It is the {@link EventTimeSequencer}'s handler for event-time
 * ordering, and is called directly, input by input, for arrival ordering (at the account's current
 * event time, its due timers first).
 */
final class SubtaskTriggers implements EventTimeSequencer.Handler<Long, AccountInput, MarketInput> {

    /** Where decisions go: the operator's outputs. */
    interface Emitter {
        void action(DecidedAction action, long timestampMillis);

        void deadLetter(DeadLetterRecord letter);
    }

    /** Removes an account's buffered inputs of one millisecond from its keyed state. */
    interface Unstore {
        void remove(long ms, long account) throws Exception;
    }

    private final Ordering ordering;
    private final AccountDesk desk;
    private final FlinkAccountState state;
    private final TimerIndex timers;
    private final LockedAccounts lockedAccounts;
    private final RiskMetrics metrics;
    private final LongConsumer setKey;
    private final Emitter emitter;
    private final Unstore unstore;
    private final TriggerObserver observer;
    private final Supplier<Instant> horizon;
    private CompiledConfig config;
    private long watermark = Long.MIN_VALUE;
    private Instant latest = Instant.MIN;

    /**
     * @param setKey makes an account the state backend's current key
     * @param horizon the end of a replay (no timer fires after it), or null
     * @param observer told when each input record is done with (benchmarks), or null
     */
    SubtaskTriggers(Ordering ordering, AccountDesk desk, FlinkAccountState state, TimerIndex timers,
            LockedAccounts lockedAccounts, RiskMetrics metrics, CompiledConfig config, LongConsumer setKey,
            Emitter emitter, Unstore unstore, Supplier<Instant> horizon, TriggerObserver observer) {
        this.ordering = ordering;
        this.desk = desk;
        this.state = state;
        this.timers = timers;
        this.lockedAccounts = lockedAccounts;
        this.metrics = metrics;
        this.config = config;
        this.setKey = setKey;
        this.emitter = emitter;
        this.unstore = unstore;
        this.horizon = horizon;
        this.observer = observer;
    }

    /** After a restore: the account's holdings, timers and locks are indexed again from its state. */
    void restored(long account) {
        useKey(account);
        AccountValues v = state.values();
        desk.fanOut().restore(account, v.holdings());
        v.timers().scheduled().forEach(t -> timers.add(t, account));
        lockedAccounts.update(account, v.locks());
    }

    int engineTimers() {
        return timers.size();
    }

    CompiledConfig config() {
        return config;
    }

    /** From the next trigger on, {@code next} applies; every account's bands are recomputed under it. */
    void reconfigure(CompiledConfig next) {
        Instant at = latest == Instant.MIN ? Instant.EPOCH : latest;
        for (long account : desk.fanOut().accounts()) {
            useKey(account);
            desk.reconfigure(state, config, next, account, at);
            state.endTrigger();
        }
        config = next;
    }

    void watermark(long millis) {
        watermark = millis;
    }

    /** Arrival ordering: one of the account's inputs, at its current event time, its due timers first. */
    void onArrival(long account, AccountInput in) {
        state.beginTrigger(account);
        Instant t = later(later(in.evalTs(), state.eventTime()), watermarkInstant());
        state.setEventTime(t);
        fireTimersOf(account, t);
        apply(account, in, t);
        observed(in.evalTs());
    }

    /** Arrival ordering: a merged quote. */
    void onArrival(MarketInput quote) {
        deliver(quote);
        observed(quote.evalTs());
    }

    @Override
    public void apply(Long account, AccountInput in) {
        useKey(account);
        apply(account, in, in.evalTs());
        observed(in.evalTs());
    }

    @Override
    public void applyShared(MarketInput quote) {
        deliver(quote);
        observed(quote.evalTs());
    }

    @Override
    public void unstore(long ms, Long account) throws Exception {
        unstore.remove(ms, account);
    }

    /** Fires, in due-time order, every engine timer of this subtask due at or before {@code upTo}. */
    @Override
    public void fireTimersUpTo(Instant upTo) {
        Instant end = horizon.get();
        Instant due;
        while ((due = timers.firstDue(upTo, end)) != null) {
            for (long account : timers.take(due)) {
                useKey(account);
                fireTimer(account, due);
                if (ordering == Ordering.ARRIVAL) {
                    state.setEventTime(later(upTo, state.eventTime()));
                    state.endTrigger();
                }
            }
        }
    }

    /** A merged quote: to the holders here whose quiet band it leaves. */
    private void deliver(MarketInput q) {
        boolean arrival = ordering == Ordering.ARRIVAL;
        Instant tq = arrival ? later(q.evalTs(), watermarkInstant()) : q.evalTs();
        QuoteFanOut fanOut = desk.fanOut();
        int holders = fanOut.holderCount(q.contractId());
        long[] accounts = fanOut.onQuote(q.contractId(), q.quote(), tq);
        metrics.quote(holders, accounts.length);
        for (long account : accounts) {
            useKey(account);
            Instant t = arrival ? later(tq, state.eventTime()) : tq;
            if (arrival) {
                state.setEventTime(t);
                fireTimersOf(account, t);
            }
            trigger(account, t, DecidedAction.EVENT, q.seq(), () -> desk.quote(state, config, account, q.contractId(), t));
        }
        fanOut.afterQuote(q.contractId());
        latest = later(latest, tq);
    }

    private void apply(long account, AccountInput in, Instant t) {
        if (in.isMark()) {
            trigger(account, t, DecidedAction.EVENT, in.seq(),
                    () -> desk.mark(state, config, account, in.contractId(), in.quote(), t));
        } else {
            trigger(account, t, DecidedAction.EVENT, in.seq(), () -> desk.event(state, config, account, in.event(), t));
        }
        latest = later(latest, t);
    }

    /** Fires the current account's engine timers due at or before {@code upTo}, one trigger per instant. */
    private void fireTimersOf(long account, Instant upTo) {
        Instant end = horizon.get();
        while (true) {
            Instant next = null;
            for (Instant t : state.timers().scheduled()) {
                if (!t.isAfter(upTo) && (end == null || !t.isAfter(end)) && (next == null || t.isBefore(next))) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            timers.remove(next, account);
            fireTimer(account, next);
        }
    }

    private void fireTimer(long account, Instant due) {
        if (state.timers().scheduled().contains(due)) {
            trigger(account, due, DecidedAction.TIMER, 0, () -> desk.timer(state, config, account, due));
        }
    }

    /** Makes {@code account} the current key; its state is read afresh. */
    private void useKey(long account) {
        setKey.accept(account);
        state.beginTrigger(account);
    }

    /** One trigger of the current account: decide on its state, keep what changed, emit. */
    private void trigger(long account, Instant t, int phase, long seq, Supplier<Decision> decide) {
        metrics.trigger();
        LockBook locksBefore = state.locks();
        Decision d = decide.get();
        if (state.locks() != locksBefore) { // lock books are immutable: a LOCK or UNLOCK replaced it
            lockedAccounts.update(account, state.locks());
        }
        state.endTrigger();
        if (ordering == Ordering.ARRIVAL && phase == DecidedAction.EVENT) {
            metrics.decided(System.currentTimeMillis() - t.toEpochMilli());
        }
        int index = 0;
        for (Action a : d.actions()) {
            metrics.action(a);
            emitter.action(new DecidedAction(a, phase, seq, index++), Millis.ceil(a.ts()));
        }
        for (DeadLetter w : d.warnings()) {
            emitter.deadLetter(new DeadLetterRecord(seq, w));
        }
        for (Instant i : d.timersToCancel()) {
            timers.remove(i, account);
        }
        for (Instant i : d.timersToSet()) {
            timers.add(i, account);
        }
    }

    private void observed(Instant evalTs) {
        if (observer != null) {
            observer.applied(evalTs);
        }
    }

    private Instant watermarkInstant() {
        return watermark == Long.MIN_VALUE ? null : Instant.ofEpochMilli(watermark);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
