package io.riskguard.job.model;

import io.riskguard.contract.Event;
import io.riskguard.market.QuoteState;
import java.time.Instant;

/**
 * One trigger for an account, as AccountRisk receives it: either one of the account's own events
 * ({@code event} set; a position event carries the contract's quote at that moment, if any), or a
 * mark ({@code event} null): the merged quote of a contract the account holds.
 * {@code (evalTs, seq)} is the order in which triggers must be applied.
 */
public record AccountInput(long accountId, long seq, Instant evalTs, Event event, String contractId,
        QuoteState quote) implements Sequenced {

    public static AccountInput event(long accountId, long seq, Instant evalTs, Event event) {
        return new AccountInput(accountId, seq, evalTs, event, null, null);
    }

    public static AccountInput position(long accountId, long seq, Instant evalTs, Event event, String contractId,
            QuoteState quote) {
        return new AccountInput(accountId, seq, evalTs, event, contractId, quote);
    }

    public static AccountInput mark(long accountId, long seq, Instant evalTs, String contractId, QuoteState quote) {
        return new AccountInput(accountId, seq, evalTs, null, contractId, quote);
    }

    public boolean isMark() {
        return event == null;
    }
}
