package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.sinks.gateway.hub.HubRecords;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import java.time.Instant;

/**
 * A broker payload as the job's input line (CONTRACT.md §1): an envelope of type, time and key
 * around the payload, unchanged. The line is checked with the job's own codec, so what the bridge
 * produces the job accepts, and what the job would reject goes to the bridge's dead letters
 * instead, with the job's reason.
 */
final class Envelopes {

    private Envelopes() {}

    /** An envelope for the topics, or the reason it cannot be one. */
    sealed interface Result permits Accepted, Rejected {}

    /** @param key the Kafka record key: the account id for account events, the contract id for quotes */
    record Accepted(String key, String line, Event event) implements Result {}

    record Rejected(DeadLetterCause cause, String reason) implements Result {}

    /** An account, order, position or trade payload of the user hub. */
    static Result ofAccountEvent(HubEvent kind, ObjectNode payload, Instant receivedAt) {
        JsonNode id = payload.get(kind == HubEvent.ACCOUNT ? "id" : "accountId");
        if (id == null || !id.canConvertToExactIntegral() || !id.canConvertToLong()) {
            return new Rejected(DeadLetterCause.BAD_PAYLOAD,
                    kind.typeName() + " payload has no integer " + (kind == HubEvent.ACCOUNT ? "id" : "accountId"));
        }
        ObjectNode envelope = HubRecords.JSON.createObjectNode();
        envelope.put("type", kind.typeName());
        envelope.put("ts", EventTimestamps.of(kind, payload, receivedAt).toString());
        envelope.put("accountId", id.asLong());
        envelope.set("data", payload);
        return checked(Long.toString(id.asLong()), envelope);
    }

    /** A quote of the market hub, for the contract named by the event's first argument. */
    static Result ofQuote(String contractId, ObjectNode payload, Instant receivedAt) {
        ObjectNode envelope = HubRecords.JSON.createObjectNode();
        envelope.put("type", HubEvent.QUOTE.typeName());
        envelope.put("ts", EventTimestamps.of(HubEvent.QUOTE, payload, receivedAt).toString());
        envelope.put("contractId", contractId);
        envelope.set("data", payload);
        return checked(contractId, envelope);
    }

    private static Result checked(String key, ObjectNode envelope) {
        String line = HubRecords.write(envelope);
        try {
            return new Accepted(key, line, EventCodec.parse(line));
        } catch (RejectedInputException e) {
            return new Rejected(DeadLetterCause.REJECTED_BY_CONTRACT, e.reason());
        }
    }
}
