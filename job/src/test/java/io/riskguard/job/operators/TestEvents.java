package io.riskguard.job.operators;

import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import java.time.Instant;

/**
 * Input lines for operator tests, written as CONTRACT.md §1 events and parsed with {@link EventCodec}
 * exactly as the sources parse them (like the scenarios under {@code testdata/scenarios}). Times
 * given as {@code HH:MM:SS[.fraction]} are on 2026-03-02 UTC, the date of the RULES.md §5 examples;
 * a full instant may be given instead.
 */
final class TestEvents {

    static final String MNQ = "CON.F.US.MNQ.H26";
    static final String ES = "CON.F.US.EP.H26";

    private TestEvents() {}

    /** {@code "15:20:00"} → 2026-03-02T15:20:00Z; a full ISO instant is taken as is. */
    static Instant at(String time) {
        return time.contains("T") ? Instant.parse(time) : Instant.parse("2026-03-02T" + time + "Z");
    }

    /** Flink's millisecond for an instant, rounded up as the job does. */
    static long ms(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    static long ms(String time) {
        return ms(at(time));
    }

    static Event parse(String line) {
        try {
            return EventCodec.parse(line);
        } catch (RejectedInputException e) {
            throw new AssertionError("test line rejected (" + e.reason() + "): " + line, e);
        }
    }

    /** A trade; {@code pnl} is a JSON number text or {@code null} for an opening fill. */
    static String tradeLine(String time, long account, long tradeId, long orderId, String pnl) {
        return tradeLine(time, account, tradeId, orderId, pnl, false);
    }

    static String tradeLine(String time, long account, long tradeId, long orderId, String pnl, boolean voided) {
        return "{\"type\":\"trade\",\"ts\":\"" + at(time) + "\",\"accountId\":" + account + ",\"data\":{\"id\":" + tradeId
                + ",\"accountId\":" + account + ",\"contractId\":\"" + MNQ + "\",\"price\":21000.00,\"profitAndLoss\":"
                + pnl + ",\"fees\":0.74,\"side\":1,\"size\":1,\"voided\":" + voided + ",\"orderId\":" + orderId + "}}";
    }

    /** A position snapshot; {@code type} 1 long, 2 short; size 0 closes it. */
    static String positionLine(String time, long account, long positionId, String contractId, int type, long size,
            String averagePrice) {
        return "{\"type\":\"position\",\"ts\":\"" + at(time) + "\",\"accountId\":" + account + ",\"data\":{\"id\":"
                + positionId + ",\"accountId\":" + account + ",\"contractId\":\"" + contractId + "\",\"type\":" + type
                + ",\"size\":" + size + ",\"averagePrice\":" + averagePrice + "}}";
    }

    /** A quote; a null price leaves the field out (missing means unchanged). */
    static String quoteLine(String time, String contractId, String lastPrice, String bestBid, String bestAsk) {
        StringBuilder data = new StringBuilder("{\"symbol\":\"F.US.MNQ\"");
        if (lastPrice != null) {
            data.append(",\"lastPrice\":").append(lastPrice);
        }
        if (bestBid != null) {
            data.append(",\"bestBid\":").append(bestBid);
        }
        if (bestAsk != null) {
            data.append(",\"bestAsk\":").append(bestAsk);
        }
        data.append('}');
        return "{\"type\":\"quote\",\"ts\":\"" + at(time) + "\",\"contractId\":\"" + contractId + "\",\"data\":" + data
                + "}";
    }

    static String orderLine(String time, long account, long orderId, String contractId, int status, int type, int side,
            String stopPrice) {
        return "{\"type\":\"order\",\"ts\":\"" + at(time) + "\",\"accountId\":" + account + ",\"data\":{\"id\":" + orderId
                + ",\"accountId\":" + account + ",\"contractId\":\"" + contractId + "\",\"status\":" + status
                + ",\"type\":" + type + ",\"side\":" + side + ",\"size\":1,\"stopPrice\":" + stopPrice + "}}";
    }

    static String accountLine(String time, long account, boolean canTrade) {
        return "{\"type\":\"account\",\"ts\":\"" + at(time) + "\",\"accountId\":" + account + ",\"data\":{\"id\":"
                + account + ",\"name\":\"PRAC-" + account + "\",\"canTrade\":" + canTrade + "}}";
    }

    static String clockLine(String time) {
        return "{\"type\":\"clock\",\"ts\":\"" + at(time) + "\"}";
    }
}
