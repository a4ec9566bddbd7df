package io.riskguard.market;

import io.riskguard.contract.QuoteEvent;
import io.riskguard.engine.Decimals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The merged last quote of a contract (RULES.md §1.5): each field keeps its previous value when a
 * quote event leaves it missing or zero; {@code quoteTs} is the ts of the latest quote event.
 */
public record QuoteState(BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk, Instant quoteTs) {

    public static QuoteState of(QuoteEvent q) {
        return new QuoteState(null, null, null, q.ts()).merge(q);
    }

    public QuoteState merge(QuoteEvent q) {
        return new QuoteState(
                pick(q.lastPrice(), lastPrice), pick(q.bestBid(), bestBid), pick(q.bestAsk(), bestAsk), q.ts());
    }

    /** {@code lastPrice} if > 0, else the mid of a two-sided book, else null (no mark). */
    public BigDecimal mark() {
        if (positive(lastPrice)) {
            return lastPrice;
        }
        if (positive(bestBid) && positive(bestAsk)) {
            return Decimals.mid(bestBid, bestAsk);
        }
        return null;
    }

    /** Stale iff {@code quoteTs < t - maxAge}: a quote exactly {@code maxAge} old is still fresh. */
    public boolean freshAt(Instant t, int maxAgeSeconds) {
        return !quoteTs.isBefore(t.minusSeconds(maxAgeSeconds));
    }

    private static BigDecimal pick(BigDecimal incoming, BigDecimal previous) {
        return positive(incoming) ? incoming : previous;
    }

    private static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }
}
