package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The arithmetic of fills: realized profit and loss in ticks, and the average price of a grown position. */
final class FillMath {

    static final BigDecimal FALLBACK_TICK_SIZE = new BigDecimal("0.25");
    static final BigDecimal FALLBACK_TICK_VALUE = new BigDecimal("0.50");
    private static final int MONEY_SCALE = 2;
    private static final int AVERAGE_PRICE_SCALE = 10;

    private FillMath() {
    }

    /**
     * (exit − average) / tickSize × tickValue × size for a long, negated for a short, in cents; tick
     * economics from {@link Contracts}, or MNQ's for an unknown contract.
     */
    static BigDecimal profitAndLoss(String contractId, int positionType, BigDecimal averagePrice, BigDecimal exitPrice,
            long size) {
        BigDecimal tickSize = Contracts.byId(contractId).map(Contracts.Contract::tickSize).orElse(FALLBACK_TICK_SIZE);
        BigDecimal tickValue = Contracts.byId(contractId).map(Contracts.Contract::tickValue).orElse(FALLBACK_TICK_VALUE);
        BigDecimal ticks = exitPrice.subtract(averagePrice).divide(tickSize, MathContext.DECIMAL64);
        BigDecimal pnl = ticks.multiply(tickValue).multiply(BigDecimal.valueOf(size));
        if (positionType == SimPosition.SHORT) {
            pnl = pnl.negate();
        }
        return pnl.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The size-weighted average of two lots; exact when it terminates, else rounded to 10 decimals. */
    static BigDecimal weightedAverage(BigDecimal priceA, long sizeA, BigDecimal priceB, long sizeB) {
        BigDecimal total = priceA.multiply(BigDecimal.valueOf(sizeA)).add(priceB.multiply(BigDecimal.valueOf(sizeB)));
        BigDecimal size = BigDecimal.valueOf(sizeA + sizeB);
        try {
            return total.divide(size);
        } catch (ArithmeticException nonTerminating) {
            return total.divide(size, AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN);
        }
    }
}
