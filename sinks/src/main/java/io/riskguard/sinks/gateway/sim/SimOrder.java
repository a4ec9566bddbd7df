package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of the simulated book. Status 1 open, 2 filled, 3 cancelled, 6 pending (CONTRACT.md);
 * working means open or pending. {@code trailPrice} is kept for tests but is not part of the order JSON.
 */
public record SimOrder(
        long id,
        long accountId,
        String contractId,
        Instant creationTimestamp,
        Instant updateTimestamp,
        int status,
        int type,
        int side,
        long size,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        BigDecimal trailPrice,
        int fillVolume,
        BigDecimal filledPrice,
        String customTag) {

    public static final int STATUS_OPEN = 1;
    public static final int STATUS_FILLED = 2;
    public static final int STATUS_CANCELLED = 3;
    public static final int STATUS_PENDING = 6;
    public static final int TYPE_MARKET = 2;

    /** A market order filled at once, in full, at {@code price}. */
    static SimOrder filledMarket(long id, long accountId, String contractId, Instant now, int side, long size,
            BigDecimal price) {
        return new SimOrder(id, accountId, contractId, now, now, STATUS_FILLED, TYPE_MARKET, side, size, null, null,
                null, Math.toIntExact(size), price, null);
    }

    public boolean working() {
        return status == STATUS_OPEN || status == STATUS_PENDING;
    }

    SimOrder cancelled(Instant now) {
        return new SimOrder(id, accountId, contractId, creationTimestamp, now, STATUS_CANCELLED, type, side, size,
                limitPrice, stopPrice, trailPrice, fillVolume, filledPrice, customTag);
    }

    SimOrder modified(Instant now, Long newSize, BigDecimal newLimit, BigDecimal newStop, BigDecimal newTrail) {
        return new SimOrder(id, accountId, contractId, creationTimestamp, now, status, type, side,
                newSize != null ? newSize : size,
                newLimit != null ? newLimit : limitPrice,
                newStop != null ? newStop : stopPrice,
                newTrail != null ? newTrail : trailPrice,
                fillVolume, filledPrice, customTag);
    }
}
