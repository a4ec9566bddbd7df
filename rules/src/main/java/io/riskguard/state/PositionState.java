package io.riskguard.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position of one contract. Removed when it closes.
 *
 * @param positionType 1 long, 2 short
 * @param openedAt ts of the event that opened (or flipped) it
 * @param best RULE-012's most favourable fresh mark since it opened; null until one is seen
 * @param graceDue RULE-008's armed deadline; null when not armed or spent
 */
public record PositionState(
        String contractId,
        long positionId,
        int positionType,
        long size,
        BigDecimal averagePrice,
        Instant openedAt,
        BigDecimal best,
        Instant graceDue) {

    public static final int LONG = 1;
    public static final int SHORT = 2;

    /** {@code +1} long, {@code -1} short. */
    public int dir() {
        return positionType == LONG ? 1 : -1;
    }

    public PositionState withBest(BigDecimal newBest) {
        return new PositionState(contractId, positionId, positionType, size, averagePrice, openedAt, newBest, graceDue);
    }

    public PositionState withGraceDue(Instant due) {
        return new PositionState(contractId, positionId, positionType, size, averagePrice, openedAt, best, due);
    }
}
