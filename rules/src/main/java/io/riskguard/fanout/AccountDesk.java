package io.riskguard.fanout;

import io.riskguard.contract.Event;
import io.riskguard.engine.CompiledConfig;
import io.riskguard.engine.Decision;
import io.riskguard.engine.RiskEngine;
import io.riskguard.market.QuoteState;
import io.riskguard.market.Subscription;
import io.riskguard.state.AccountState;
import io.riskguard.state.Holding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trigger of one account when quotes reach only the holders whose quiet band they leave: before
 * any trigger of the account, the best marks of the quotes it was not delivered are carried into
 * RULE-012's best (the bands computed after the trigger depend on it); then the engine decides; then
 * the account's positions are re-subscribed with the bands their new state gives
 * ({@link RiskEngine#subscriptions}). The decisions are those of the full fan-out, where every
 * holder gets every quote (RULES.md §1.3).
 */
public final class AccountDesk {

    private final RiskEngine engine;
    private final QuoteFanOut fanOut;

    public AccountDesk(RiskEngine engine, QuoteFanOut fanOut) {
        this.engine = engine;
        this.fanOut = fanOut;
    }

    public QuoteFanOut fanOut() {
        return fanOut;
    }

    /** A quote of {@code contractId} delivered to the account (its merged quote is in the fan-out already). */
    public Decision quote(AccountState state, CompiledConfig config, long accountId, String contractId, Instant t) {
        carry(state, config, accountId, t);
        Decision d = engine.onQuote(state, config, accountId, contractId, t, fanOut);
        resubscribe(state, config, accountId, t);
        return d;
    }

    /**
     * A quote that was fanned out to this account before it was applied (a savepoint of the previous
     * release holds such marks): the fan-out's quote book takes it unless it already holds a newer
     * quote of the contract, then it is delivered as {@link #quote}.
     */
    public Decision mark(AccountState state, CompiledConfig config, long accountId, String contractId, QuoteState mark,
            Instant t) {
        QuoteState book = fanOut.quote(contractId);
        if (book == null || !book.quoteTs().isAfter(mark.quoteTs())) {
            fanOut.restoreQuote(contractId, mark);
        }
        return quote(state, config, accountId, contractId, t);
    }

    /** One of the account's own events, evaluated at {@code t}. */
    public Decision event(AccountState state, CompiledConfig config, long accountId, Event event, Instant t) {
        carry(state, config, accountId, t);
        Decision d = engine.onEvent(state, config, event, t, fanOut);
        resubscribe(state, config, accountId, t);
        return d;
    }

    /** The account's timers due at {@code due}. */
    public Decision timer(AccountState state, CompiledConfig config, long accountId, Instant due) {
        carry(state, config, accountId, due);
        Decision d = engine.onTimer(state, config, accountId, due, fanOut);
        resubscribe(state, config, accountId, due);
        return d;
    }

    /**
     * A new configuration applies from the next trigger: the marks carried so far are folded in
     * under the old one (it decided whether they were tracked), and the bands recomputed under the
     * new one.
     */
    public void reconfigure(AccountState state, CompiledConfig before, CompiledConfig after, long accountId,
            Instant t) {
        carry(state, before, accountId, t);
        resubscribe(state, after, accountId, t);
    }

    /** Folds into RULE-012's best the marks of every tracked contract's quotes since the account's last trigger. */
    private void carry(AccountState state, CompiledConfig config, long accountId, Instant t) {
        for (Map.Entry<String, Holding> e : state.holdings().entrySet()) {
            Holding h = e.getValue();
            if (!h.tracksBest()) {
                continue;
            }
            BigDecimal highest = fanOut.highestSince(e.getKey(), h.since());
            BigDecimal lowest = fanOut.lowestSince(e.getKey(), h.since());
            if (highest != null || lowest != null) {
                engine.carryBest(state, config, accountId, e.getKey(), highest, lowest, t);
            }
        }
    }

    /**
     * The account's holdings after a trigger, each tracking one's {@code since} at the contract's
     * latest mark: whatever came before is in its best now.
     */
    private void resubscribe(AccountState state, CompiledConfig config, long accountId, Instant t) {
        Map<String, Holding> before = state.holdings();
        if (before.isEmpty() && state.positions().isEmpty()) {
            return;
        }
        Map<String, Holding> after = new TreeMap<>();
        for (Map.Entry<String, Subscription> e : engine.subscriptions(state, config, accountId, t).entrySet()) {
            Subscription s = e.getValue();
            long since = s.tracksBest() ? fanOut.marksSeen(e.getKey()) : 0;
            after.put(e.getKey(), new Holding(s.band(), s.tracksBest(), since));
        }
        store(state, accountId, before, after);
        fanOut.evaluatedAt(accountId, after.keySet(), t.minusSeconds(config.quoteMaxAgeSeconds()));
    }

    private void store(AccountState state, long accountId, Map<String, Holding> before, Map<String, Holding> after) {
        if (!after.equals(before)) {
            state.setHoldings(after);
            fanOut.update(accountId, before, after);
        }
    }
}
