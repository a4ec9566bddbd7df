package io.riskguard.contract;

/**
 * An event that belongs to one account: account, order, position and trade events. Routing and the
 * engine find an event's account through it ({@code e instanceof AccountScopedEvent a ? a.accountId()
 * : ...}); quotes and clock records belong to no account.
 */
public sealed interface AccountScopedEvent extends Event
        permits AccountEvent, OrderEvent, PositionEvent, TradeEvent {

    long accountId();
}
