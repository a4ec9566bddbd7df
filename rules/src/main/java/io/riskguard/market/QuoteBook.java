package io.riskguard.market;

import io.riskguard.contract.QuoteEvent;
import java.util.HashMap;
import java.util.Map;

/** The global quote of every contract, merged event by event. */
public final class QuoteBook implements MarkView {

    private final Map<String, QuoteState> quotes = new HashMap<>();

    public QuoteState apply(QuoteEvent q) {
        return quotes.merge(q.contractId(), QuoteState.of(q), (old, fresh) -> old.merge(q));
    }

    @Override
    public QuoteState quote(String contractId) {
        return quotes.get(contractId);
    }
}
