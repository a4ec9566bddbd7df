package io.riskguard.engine;

import io.riskguard.config.Instrument;
import io.riskguard.config.RuleSet;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DecisionCause;
import io.riskguard.contract.InputCause;
import io.riskguard.market.MarkView;
import io.riskguard.market.QuoteState;
import io.riskguard.state.AccountState;
import io.riskguard.state.LockBook;
import io.riskguard.state.LockRecord;
import io.riskguard.state.OrderState;
import io.riskguard.state.PendingBook;
import io.riskguard.state.PositionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One trigger of one account (RULES.md §1.3): the evaluation time, the account's state and config,
 * and the candidates rules propose. Rules read state and propose actions only through this class;
 * the engine merges the candidates afterwards.
 */
public final class TriggerContext {

    private final AccountState state;
    private final CompiledConfig config;
    private final RuleSet rules;
    private final long accountId;
    private final Instant t;
    private final java.util.function.Supplier<String> sourceBuilder;
    private String source;
    private final MarkView marks;
    private final boolean lockedAtStart;

    private LockBook locks;
    private PendingBook pending;
    private final List<Candidate> candidates = new ArrayList<>(4);
    private final List<DeadLetter> warnings = new ArrayList<>(0);
    private List<PositionState> openPositions;
    private List<OrderState> orders;
    private boolean structureChanged;
    private RuleListener listener = RuleListener.NONE;

    /** {@code source} is built only when the trigger emits something: formatting instants is not free. */
    TriggerContext(AccountState state, CompiledConfig config, long accountId, Instant t,
            java.util.function.Supplier<String> source, MarkView marks) {
        this.state = state;
        this.config = config;
        this.rules = config.rulesFor(accountId);
        this.accountId = accountId;
        this.t = t;
        this.sourceBuilder = source;
        this.marks = marks;
        this.locks = state.locks();
        this.pending = state.pending().expire(t);
        this.lockedAtStart = locks.lockedAt(t);
    }

    /**
     * A context for reading the account's state at {@code t} without a trigger: what quiet bands
     * are computed from, and what tests inspect rules with. Whatever is proposed through it is ignored.
     */
    public static TriggerContext view(AccountState state, CompiledConfig config, long accountId, Instant t,
            MarkView marks) {
        return new TriggerContext(state, config, accountId, t, () -> null, marks);
    }

    void setListener(RuleListener listener) {
        this.listener = listener;
    }

    /** A rule calls this once it has found itself enabled for the account and looks at the trigger. */
    public void evaluated(int rule) {
        listener.evaluated(rule);
    }

    public long accountId() {
        return accountId;
    }

    /** Evaluation time: the event's ts or the timer's due instant. */
    public Instant t() {
        return t;
    }

    String source() {
        if (source == null) {
            source = sourceBuilder.get();
        }
        return source;
    }

    public RuleSet rules() {
        return rules;
    }

    public CompiledConfig config() {
        return config;
    }

    public AccountState state() {
        return state;
    }

    // ---- positions and orders -------------------------------------------------------------

    public PositionState position(String contractId) {
        return state.position(contractId);
    }

    /** Open positions by ascending contractId. */
    public List<PositionState> openPositions() {
        if (openPositions == null) {
            List<PositionState> list = new ArrayList<>(state.positions());
            list.sort(Comparator.comparing(PositionState::contractId));
            openPositions = list;
        }
        return openPositions;
    }

    /** Stored orders (working or status 0) by ascending id. */
    public List<OrderState> orders() {
        if (orders == null) {
            List<OrderState> list = new ArrayList<>(state.orders());
            list.sort(Comparator.comparingLong(OrderState::orderId));
            orders = list;
        }
        return orders;
    }

    public List<OrderState> workingOrders() {
        List<OrderState> working = new ArrayList<>();
        for (OrderState o : orders()) {
            if (o.isWorking()) {
                working.add(o);
            }
        }
        return working;
    }

    public void putPosition(PositionState p) {
        state.putPosition(p);
        openPositions = null;
    }

    /** RULE-008's deadline has fired: it is spent and no longer needs a timer. */
    public void spendGraceTimer(PositionState p) {
        putPosition(p.withGraceDue(null));
        structureChanged = true;
    }

    void removePosition(String contractId) {
        state.removePosition(contractId);
        openPositions = null;
        structureChanged = true;
    }

    void positionOpened(PositionState p) {
        putPosition(p);
        structureChanged = true;
    }

    void putOrder(OrderState o) {
        state.putOrder(o);
        orders = null;
        structureChanged = true;
    }

    void removeOrder(long orderId) {
        state.removeOrder(orderId);
        orders = null;
        structureChanged = true;
    }

    /** True when positions, orders, locks or trading-day data changed: timers must be re-planned. */
    boolean structureChanged() {
        return structureChanged;
    }

    void markStructureChanged() {
        structureChanged = true;
    }

    /** Size after subtracting an active pending close or reduction (RULES.md §1.7). */
    public long effectiveSize(PositionState p) {
        PendingBook.PendingTarget target = pending.position(p.contractId());
        return target == null ? p.size() : Math.min(p.size(), target.target());
    }

    /** True for a working stop that protects {@code p} (RULE-008's definition). */
    public static boolean isQualifyingStop(OrderState o, PositionState p) {
        if (!o.isWorking() || !o.contractId().equals(p.contractId())) {
            return false;
        }
        boolean stopType = (o.orderType() == OrderState.TYPE_STOP || o.orderType() == OrderState.TYPE_STOP_LIMIT)
                && o.stopPrice() != null;
        boolean trailing = o.orderType() == OrderState.TYPE_TRAILING_STOP;
        int protectingSide = p.positionType() == PositionState.LONG ? OrderState.SIDE_SELL : OrderState.SIDE_BUY;
        return (stopType || trailing) && o.side() == protectingSide;
    }

    public boolean hasQualifyingStop(PositionState p) {
        for (OrderState o : orders()) {
            if (isQualifyingStop(o, p)) {
                return true;
            }
        }
        return false;
    }

    // ---- market ---------------------------------------------------------------------------

    public String root(String contractId) {
        return config.root(contractId);
    }

    public Instrument instrument(String contractId) {
        return config.instrument(contractId);
    }

    /** The contract's mark if it exists and is fresh at {@link #t()}; null otherwise. */
    public BigDecimal freshMark(String contractId) {
        QuoteState q = marks.quote(contractId);
        if (q == null || !q.freshAt(t, config.quoteMaxAgeSeconds())) {
            return null;
        }
        return q.mark();
    }

    // ---- locks and pending enforcement ----------------------------------------------------

    public boolean lockedAtStart() {
        return lockedAtStart;
    }

    public boolean lockedNow() {
        return locks.lockedAt(t);
    }

    public LockBook locks() {
        return locks;
    }

    public PendingBook pending() {
        return pending;
    }

    void setPending(PendingBook pending) {
        this.pending = pending;
    }

    /**
     * A lock rule's breach proposes {@code until} (null: no expiry). Per RULES.md §1.8 it records
     * and emits a LOCK only when it starts or extends the rule's record; the caller adds its
     * enforcement actions only when this returns true.
     */
    public boolean proposeLock(int rule, Instant until, DecisionCause cause, String reason) {
        Optional<LockRecord> active = locks.active(rule, t);
        if (active.isPresent()) {
            Instant current = active.get().until();
            if (current == null || (until != null && !current.isBefore(until))) {
                return false;
            }
        }
        locks = locks.with(new LockRecord(rule, until));
        candidates.add(Candidate.lock(rule, until, cause, reason));
        structureChanged = true;
        return true;
    }

    /** Ends the rule's record and emits its UNLOCK. */
    public void endLock(int rule, DecisionCause cause, String reason) {
        locks = locks.without(rule);
        candidates.add(Candidate.unlock(rule, cause, reason));
        structureChanged = true;
    }

    // ---- proposals ------------------------------------------------------------------------

    public void flatten(int rule, DecisionCause cause, String reason) {
        candidates.add(Candidate.flatten(rule, cause, reason));
    }

    public void close(int rule, String contractId, DecisionCause cause, String reason) {
        candidates.add(Candidate.close(rule, contractId, cause, reason));
    }

    /** Proposes closing {@code size} contracts, leaving {@code target} (effective size − size). */
    public void reduce(int rule, String contractId, long size, long target, DecisionCause cause,
            String reason) {
        candidates.add(Candidate.reduce(rule, contractId, size, target, cause, reason));
    }

    public void cancel(int rule, long orderId, String contractId, DecisionCause cause, String reason) {
        candidates.add(Candidate.cancel(rule, orderId, contractId, cause, reason));
    }

    public void modifyStop(int rule, long orderId, String contractId, BigDecimal stopPrice, DecisionCause cause,
            String reason) {
        candidates.add(Candidate.modifyStop(rule, orderId, contractId, stopPrice, cause, reason));
    }

    public void warn(InputCause cause, String reason, String raw) {
        warnings.add(DeadLetter.warning(cause, reason, raw));
    }

    List<Candidate> candidates() {
        return candidates;
    }

    List<DeadLetter> warnings() {
        return warnings;
    }
}
