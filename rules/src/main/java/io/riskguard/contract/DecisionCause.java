package io.riskguard.contract;

import java.util.Locale;

/**
 * Why a rule or the lock enforcement decided an action: the typed twin of the action's reason
 * sentence, for metric labels and the audit table. Not part of the action JSON (CONTRACT.md §2).
 */
public enum DecisionCause {
    /** RULE-001: the account's total contracts exceed the limit. */
    MAX_CONTRACTS_EXCEEDED,
    /** RULE-002: one root's contracts exceed its limit. */
    INSTRUMENT_CONTRACTS_EXCEEDED,
    /** RULE-003: the daily realized loss reached the limit. */
    DAILY_REALIZED_LOSS_REACHED,
    /** RULE-004: a position's unrealized loss reached the limit. */
    UNREALIZED_LOSS_REACHED,
    /** RULE-005: a position's unrealized profit reached the target. */
    UNREALIZED_PROFIT_REACHED,
    /** RULE-006: trades in a window exceed the frequency limit. */
    TRADE_FREQUENCY_EXCEEDED,
    /** RULE-007: one order's realized loss reached a cooldown tier. */
    ORDER_LOSS_TIER_REACHED,
    /** RULE-008: no stop protects a position at the end of its grace period. */
    NO_STOP_AFTER_GRACE,
    /** RULE-009: a new position or order outside the trading session. */
    NEW_RISK_OUTSIDE_SESSION,
    /** RULE-009: positions or orders still open at the session-end check. */
    OPEN_AFTER_SESSION_END,
    /** RULE-010: the broker reports canTrade=false. */
    BROKER_TRADING_DISABLED,
    /** RULE-010: the broker reports canTrade=true again; its lock ends because the condition cleared. */
    BROKER_TRADING_RESTORED,
    /** RULE-011: a position or order in a blocked root. */
    SYMBOL_BLOCKED,
    /** RULE-012: the managed stop moves to break-even. */
    BREAK_EVEN_STOP,
    /** RULE-012: the managed stop trails the best mark. */
    TRAILING_STOP,
    /** RULE-013: the daily realized profit reached the target. */
    DAILY_REALIZED_PROFIT_REACHED,
    /** Lock enforcement: a position opened, increased or flipped while the account is locked. */
    POSITION_WHILE_LOCKED,
    /** Lock enforcement: a new working order while the account is locked. */
    ORDER_WHILE_LOCKED,
    /** A lock ended because its until came. */
    LOCK_EXPIRED,
    /**
     * Not known: the action was read from a format that does not carry its cause (the action JSON,
     * or a serialized action written before causes existed).
     */
    UNKNOWN;

    /** The metric label and audit value: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant named {@code name}; {@link #UNKNOWN} for a name this release does not know. */
    public static DecisionCause fromName(String name) {
        for (DecisionCause c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
