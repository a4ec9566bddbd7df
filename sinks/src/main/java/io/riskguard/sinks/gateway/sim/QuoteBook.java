package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last known quote of each contract (partial quotes merged in), which prices the closes of the REST API. */
final class QuoteBook {

    private final Map<String, SimQuote> last = new ConcurrentHashMap<>();

    void merge(String contractId, SimQuote quote) {
        last.merge(contractId, quote, SimQuote::updatedBy);
    }

    Optional<SimQuote> last(String contractId) {
        return Optional.ofNullable(last.get(contractId));
    }

    /**
     * The price a market order closing this position fills at: a long sells at the best bid, a short
     * buys at the best ask, else the last price; without any quote, the position's average price.
     */
    BigDecimal exitPrice(SimPosition position) {
        SimQuote quote = last.get(position.contractId());
        if (quote == null) {
            return position.averagePrice();
        }
        BigDecimal touch = position.type() == SimPosition.LONG ? quote.bestBid() : quote.bestAsk();
        if (touch != null) {
            return touch;
        }
        return quote.lastPrice() != null ? quote.lastPrice() : position.averagePrice();
    }

    void reset() {
        last.clear();
    }
}
