package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** An open position of the simulated book; {@code type} 1 long, 2 short. */
public record SimPosition(
        long id,
        long accountId,
        String contractId,
        Instant creationTimestamp,
        int type,
        long size,
        BigDecimal averagePrice) {

    public static final int LONG = 1;
    public static final int SHORT = 2;

    /** How the gateway publishes this position once closed: size 0. */
    SimPosition closed() {
        return withSize(0);
    }

    SimPosition withSize(long newSize) {
        return new SimPosition(id, accountId, contractId, creationTimestamp, type, newSize, averagePrice);
    }
}
