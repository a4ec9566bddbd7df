package io.riskguard.job.generate;

import java.time.Instant;

/**
 * One simulated event before it is written: the envelope fields and the payload as JSON text. A
 * live generator stamps it with the wall clock instead of the simulated time.
 */
public record GeneratedEvent(Instant ts, String type, Long accountId, String contractId, String data) {

    public String toJson() {
        return toJson(ts);
    }

    public String toJson(Instant stamp) {
        StringBuilder sb = new StringBuilder(160).append("{\"type\":\"").append(type).append("\",\"ts\":\"")
                .append(stamp).append('"');
        if (accountId != null) {
            sb.append(",\"accountId\":").append(accountId);
        }
        if (contractId != null) {
            sb.append(",\"contractId\":\"").append(contractId).append('"');
        }
        if (data != null) {
            sb.append(",\"data\":").append(data);
        }
        return sb.append('}').toString();
    }
}
