package io.riskguard.job.model;

import io.riskguard.market.QuoteState;
import java.time.Instant;

/**
 * What every AccountRisk subtask receives, broadcast: a contract's merged quote at {@code (evalTs,
 * seq)} (each subtask delivers it to its own holders whose quiet band it leaves), or a control
 * message (a replay's end, a verified configuration).
 */
public record MarketInput(String contractId, long seq, Instant evalTs, QuoteState quote, ControlMessage control) implements Sequenced {

    public static MarketInput quote(String contractId, long seq, Instant evalTs, QuoteState merged) {
        return new MarketInput(contractId, seq, evalTs, merged, null);
    }

    public static MarketInput control(ControlMessage control) {
        return new MarketInput(null, 0, null, null, control);
    }

    public boolean isControl() {
        return control != null;
    }
}
