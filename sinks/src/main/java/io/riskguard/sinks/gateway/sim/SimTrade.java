package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of the simulated book, as the gateway reports it (hub event {@code GatewayUserTrade}
 * and {@code Trade/search}). {@code profitAndLoss} is null for an opening fill; {@code side} 0 buy, 1 sell.
 */
public record SimTrade(
        long id,
        long accountId,
        String contractId,
        Instant creationTimestamp,
        BigDecimal price,
        BigDecimal profitAndLoss,
        BigDecimal fees,
        int side,
        long size,
        boolean voided,
        long orderId) {

    public static final int BUY = 0;
    public static final int SELL = 1;
}
