package io.riskguard.engine;

import io.riskguard.contract.TradeEvent;

/**
 * An applied trade event: a counted fill, a first event already voided (never counted), or a void
 * reversing a counted fill (RULES.md §1.5).
 */
public record TradeChange(Kind kind, TradeEvent event) {

    public enum Kind { COUNTED, UNCOUNTED, VOIDED }

    public boolean counted() {
        return kind == Kind.COUNTED;
    }
}
