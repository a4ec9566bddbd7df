package io.riskguard.state;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * RULE-007's memory of one order: {@code L(o)}, the most severe tier already fired for it (null if
 * none) and when its last counted fill arrived (for pruning).
 */
public record OrderLoss(long orderId, BigDecimal loss, BigDecimal firedTier, Instant lastFill) {

    public OrderLoss add(BigDecimal pnl, Instant at) {
        return new OrderLoss(orderId, loss.add(pnl), firedTier, at);
    }

    public OrderLoss subtract(BigDecimal pnl) {
        return new OrderLoss(orderId, loss.subtract(pnl), firedTier, lastFill);
    }

    public OrderLoss withFiredTier(BigDecimal tier) {
        return new OrderLoss(orderId, loss, tier, lastFill);
    }
}
