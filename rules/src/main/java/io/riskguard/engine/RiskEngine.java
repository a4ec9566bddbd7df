package io.riskguard.engine;

import io.riskguard.contract.AccountEvent;
import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.Event;
import io.riskguard.contract.OrderEvent;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.TradeEvent;
import io.riskguard.market.MarkView;
import io.riskguard.market.QuietBand;
import io.riskguard.market.Subscription;
import io.riskguard.rules.Rule001MaxContracts;
import io.riskguard.rules.Rule002MaxContractsPerInstrument;
import io.riskguard.rules.Rule003DailyRealizedLoss;
import io.riskguard.rules.Rule004DailyUnrealizedLoss;
import io.riskguard.rules.Rule005MaxUnrealizedProfit;
import io.riskguard.rules.Rule006TradeFrequencyLimit;
import io.riskguard.rules.Rule007CooldownAfterLoss;
import io.riskguard.rules.Rule008NoStopLossGrace;
import io.riskguard.rules.Rule009SessionBlockOutside;
import io.riskguard.rules.Rule010AuthLossGuard;
import io.riskguard.rules.Rule011SymbolBlocks;
import io.riskguard.rules.Rule012TradeManagement;
import io.riskguard.rules.Rule013DailyRealizedProfit;
import io.riskguard.state.AccountState;
import io.riskguard.state.IdCursor;
import io.riskguard.state.PositionState;
import io.riskguard.state.TimerBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule engine: a pure, deterministic function of (account state, trigger, config) to (new
 * state, actions, timers). One call is one trigger of RULES.md §1.3: bookkeeping, lock
 * enforcement, the rules of §1.12 in ascending order, merging (§1.9) and ids (§1.10). There is no
 * clock: time is the event's evaluation time or the timer's due instant.
 *
 * <p>Stateless apart from its rule objects; safe to share within one thread.
 */
public final class RiskEngine {

    private final Bookkeeping bookkeeping = new Bookkeeping();
    private final Housekeeping housekeeping = new Housekeeping();
    private final LockEnforcement lockEnforcement = new LockEnforcement();
    private final LockExpiry lockExpiry = new LockExpiry();
    private final ActionMerger merger = new ActionMerger();
    private final TimerPlanner timers = new TimerPlanner();

    private final Rule001MaxContracts r001 = new Rule001MaxContracts();
    private final Rule002MaxContractsPerInstrument r002 = new Rule002MaxContractsPerInstrument();
    private final Rule003DailyRealizedLoss r003 = new Rule003DailyRealizedLoss();
    private final Rule004DailyUnrealizedLoss r004 = new Rule004DailyUnrealizedLoss();
    private final Rule005MaxUnrealizedProfit r005 = new Rule005MaxUnrealizedProfit();
    private final Rule006TradeFrequencyLimit r006 = new Rule006TradeFrequencyLimit();
    private final Rule007CooldownAfterLoss r007 = new Rule007CooldownAfterLoss();
    private final Rule008NoStopLossGrace r008 = new Rule008NoStopLossGrace();
    private final Rule009SessionBlockOutside r009 = new Rule009SessionBlockOutside();
    private final Rule010AuthLossGuard r010 = new Rule010AuthLossGuard();
    private final Rule011SymbolBlocks r011 = new Rule011SymbolBlocks();
    private final Rule012TradeManagement r012 = new Rule012TradeManagement();
    private final Rule013DailyRealizedProfit r013 = new Rule013DailyRealizedProfit();
    private final RuleListener listener;

    public RiskEngine() {
        this(RuleListener.NONE);
    }

    public RiskEngine(RuleListener listener) {
        this.listener = listener;
    }

    /**
     * An account's own event (account, order, position or trade).
     *
     * @param evalTime the event's ts, or the current event time if the event arrived late (live mode)
     */
    public Decision onEvent(AccountState state, CompiledConfig config, Event event, Instant evalTime, MarkView marks) {
        if (!(event instanceof AccountScopedEvent scoped)) {
            throw new IllegalArgumentException("not an account event: " + event.type());
        }
        long accountId = scoped.accountId();
        TriggerContext ctx = new TriggerContext(state, config, accountId, evalTime,
                () -> ActionIds.eventSource(event, accountId, evalTime), marks);
        ctx.setListener(listener);
        housekeeping.pruneIfDue(ctx);
        boolean applied;
        if (event instanceof PositionEvent e) {
            applied = onPosition(ctx, e);
        } else if (event instanceof OrderEvent e) {
            applied = onOrder(ctx, e);
        } else if (event instanceof TradeEvent e) {
            applied = onTrade(ctx, e);
        } else {
            applied = onAccount(ctx, (AccountEvent) event);
        }
        return applied ? finish(ctx, null) : Decision.NOTHING;
    }

    /**
     * A quote for a contract the account holds; the merged quote is already in {@code marks}. It
     * reads and writes only the position (RULE-012's best): no housekeeping, so that a quote not
     * delivered to the account, being inside its quiet band, leaves nothing undone.
     */
    public Decision onQuote(AccountState state, CompiledConfig config, long accountId, String contractId,
            Instant evalTime, MarkView marks) {
        if (state.position(contractId) == null) {
            return Decision.NOTHING;
        }
        TriggerContext ctx = new TriggerContext(state, config, accountId, evalTime,
                () -> ActionIds.quoteSource(contractId, evalTime), marks);
        ctx.setListener(listener);
        r004.onContract(ctx, contractId);
        r005.onContract(ctx, contractId);
        r012.onContract(ctx, contractId);
        return finish(ctx, null);
    }

    /**
     * Every timer of the account due at {@code due}, as one trigger: trade-memory expiry, lock
     * expiries, RULE-008 deadlines, the RULE-009 session-end check (RULES.md §1.3 order).
     */
    public Decision onTimer(AccountState state, CompiledConfig config, long accountId, Instant due, MarkView marks) {
        TriggerContext ctx = new TriggerContext(state, config, accountId, due, () -> ActionIds.timerSource(due), marks);
        ctx.setListener(listener);
        housekeeping.pruneIfDue(ctx);
        lockExpiry.onTimer(ctx);
        r008.onTimer(ctx);
        r009.onTimer(ctx);
        return finish(ctx, due);
    }

    /**
     * What the account needs from the quotes of each contract it holds, given its state after a
     * trigger at {@code t}, by contract: the marks at which RULE-004, RULE-005 and RULE-012 cannot
     * emit (each rule's own band, intersected), valid until the account's next timer at the latest,
     * and whether RULE-012 tracks the position's best mark.
     */
    public Map<String, Subscription> subscriptions(AccountState state, CompiledConfig config, long accountId,
            Instant t) {
        if (state.positions().isEmpty()) {
            return Map.of();
        }
        TriggerContext ctx = TriggerContext.view(state, config, accountId, t, MarkView.NONE);
        Instant nextTimer = state.timers().scheduled().isEmpty() ? null : Collections.min(state.timers().scheduled());
        Map<String, Subscription> out = new TreeMap<>();
        for (PositionState p : ctx.openPositions()) {
            QuietBand band = r004.quietBand(ctx, p).and(r005.quietBand(ctx, p)).and(r012.quietBand(ctx, p));
            if (!band.isAlways()) {
                band = band.endingBy(nextTimer);
            }
            out.put(p.contractId(), new Subscription(band, Rule012TradeManagement.tracksBest(ctx, p.contractId())));
        }
        return out;
    }

    /**
     * Folds the extremes of the marks of {@code contractId}'s quotes that were not delivered to the
     * account (inside its quiet band) into RULE-012's best, as tracking each of them would have.
     */
    public void carryBest(AccountState state, CompiledConfig config, long accountId, String contractId,
            BigDecimal highest, BigDecimal lowest, Instant t) {
        if (state.position(contractId) == null) {
            return;
        }
        TriggerContext ctx = TriggerContext.view(state, config, accountId, t, MarkView.NONE);
        r012.carryBest(ctx, contractId, highest, lowest);
    }

    private boolean onPosition(TriggerContext ctx, PositionEvent e) {
        PositionChange change = bookkeeping.applyPosition(ctx, e);
        if (change == null) {
            return false;
        }
        lockEnforcement.onPosition(ctx, change);
        r001.onPosition(ctx, change);
        r002.onPosition(ctx, change);
        if (change.leavesOpen()) {
            r004.onContract(ctx, change.contractId());
            r005.onContract(ctx, change.contractId());
        }
        r009.onPosition(ctx, change);
        r011.onPosition(ctx, change);
        r012.onContract(ctx, change.contractId());
        return true;
    }

    private boolean onOrder(TriggerContext ctx, OrderEvent e) {
        OrderChange change = bookkeeping.applyOrder(ctx, e);
        if (change == null) {
            return false;
        }
        lockEnforcement.onOrder(ctx, change);
        r009.onOrder(ctx, change);
        r011.onOrder(ctx, change);
        r012.onContract(ctx, e.contractId());
        return true;
    }

    private boolean onTrade(TriggerContext ctx, TradeEvent e) {
        TradeChange change = bookkeeping.applyTrade(ctx, e);
        if (change == null) {
            return false;
        }
        r003.onTrade(ctx);
        r006.onTrade(ctx, change);
        r007.onTrade(ctx, change);
        r013.onTrade(ctx);
        return true;
    }

    private boolean onAccount(TriggerContext ctx, AccountEvent e) {
        r010.onAccount(ctx, bookkeeping.applyAccount(ctx, e));
        return true;
    }

    private Decision finish(TriggerContext ctx, Instant firedTimer) {
        reportBreaches(ctx);
        List<Candidate> emitted = merger.merge(ctx);
        AccountState state = ctx.state();
        List<Action> actions = toActions(ctx, emitted);
        if (ctx.locks() != state.locks()) {
            state.setLocks(ctx.locks());
        }
        if (ctx.pending() != state.pending()) {
            state.setPending(ctx.pending());
        }
        TimerPlanner.Plan plan = timers.plan(ctx, firedTimer);
        if (!plan.scheduled().equals(state.timers().scheduled())) {
            state.setTimers(new TimerBook(plan.scheduled()));
        }
        return new Decision(actions, ctx.warnings(), plan.toSet(), plan.toCancel());
    }

    /** Once per trigger for each rule that proposed anything but an unlock, and once for each (rule, cause). */
    private void reportBreaches(TriggerContext ctx) {
        int rulesSeen = 0;
        long[] causesSeen = null; // by rule, a bit per DecisionCause (fewer than 64)
        for (Candidate c : ctx.candidates()) {
            if (c.kind() == ActionKind.UNLOCK) {
                continue;
            }
            if ((rulesSeen & (1 << c.rule())) == 0) {
                rulesSeen |= 1 << c.rule();
                listener.breached(c.rule());
            }
            if (causesSeen == null) {
                causesSeen = new long[14];
            }
            long bit = 1L << c.cause().ordinal();
            if ((causesSeen[c.rule()] & bit) == 0) {
                causesSeen[c.rule()] |= bit;
                listener.breached(c.rule(), c.cause());
            }
        }
    }

    private static List<Action> toActions(TriggerContext ctx, List<Candidate> emitted) {
        if (emitted.isEmpty()) {
            return List.of();
        }
        IdCursor cursor = ctx.state().idCursor();
        int index = ActionIds.firstIndex(cursor, ctx.t(), ctx.source());
        List<Action> actions = new ArrayList<>(emitted.size());
        for (Candidate c : emitted) {
            String id = ActionIds.id(ctx.accountId(), c, ctx.source(), index++);
            actions.add(new Action(id, ctx.t(), ctx.accountId(), c.rule(), c.kind(), c.until(), c.contractId(),
                    c.kind() == ActionKind.REDUCE_POSITION ? c.size() : null, c.orderId(), c.stopPrice(), c.reason(),
                    ctx.config().version(), c.cause()));
        }
        ctx.state().setIdCursor(ActionIds.advance(cursor, ctx.t(), ctx.source(), index));
        return actions;
    }
}
