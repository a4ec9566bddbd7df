package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A market quote of one contract; every field may be null ("unchanged"). Published with
 * {@link GatewaySimulator#publishQuote(String, SimQuote)}.
 */
public record SimQuote(String symbol, BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk, Instant timestamp) {

    /** A quote of prices only: the symbol is derived from the contract id and the timestamp is the publication time. */
    public static SimQuote of(BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk) {
        return new SimQuote(null, lastPrice, bestBid, bestAsk, null);
    }

    /** This quote updated by a newer one: the newer one's non-null fields win. */
    SimQuote updatedBy(SimQuote newer) {
        return new SimQuote(
                newer.symbol != null ? newer.symbol : symbol,
                newer.lastPrice != null ? newer.lastPrice : lastPrice,
                newer.bestBid != null ? newer.bestBid : bestBid,
                newer.bestAsk != null ? newer.bestAsk : bestAsk,
                newer.timestamp != null ? newer.timestamp : timestamp);
    }
}
