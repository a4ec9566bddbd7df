package io.riskguard.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The last snapshot of an order that is not final. {@code workingSince} is the ts at which it last
 * became working (null while not working).
 */
public record OrderState(
        long orderId,
        String contractId,
        int status,
        int orderType,
        int side,
        long size,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        Long fillVolume,
        BigDecimal filledPrice,
        Instant workingSince) {

    public static final int STATUS_OPEN = 1;
    public static final int STATUS_PENDING = 6;
    public static final int TYPE_STOP_LIMIT = 3;
    public static final int TYPE_STOP = 4;
    public static final int TYPE_TRAILING_STOP = 5;
    public static final int SIDE_BUY = 0;
    public static final int SIDE_SELL = 1;

    public boolean isWorking() {
        return isWorkingStatus(status);
    }

    public static boolean isWorkingStatus(int status) {
        return status == STATUS_OPEN || status == STATUS_PENDING;
    }

    /** Status 2 filled, 3 cancelled, 4 expired, 5 rejected. */
    public static boolean isFinalStatus(int status) {
        return status >= 2 && status <= 5;
    }

    /** Same broker snapshot, ignoring informational timestamps and our own bookkeeping. */
    public boolean sameSnapshot(String contractId, int status, int orderType, int side, long size,
            BigDecimal limitPrice, BigDecimal stopPrice, Long fillVolume, BigDecimal filledPrice) {
        return this.contractId.equals(contractId)
                && this.status == status
                && this.orderType == orderType
                && this.side == side
                && this.size == size
                && sameNumber(this.limitPrice, limitPrice)
                && sameNumber(this.stopPrice, stopPrice)
                && Objects.equals(this.fillVolume, fillVolume)
                && sameNumber(this.filledPrice, filledPrice);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
