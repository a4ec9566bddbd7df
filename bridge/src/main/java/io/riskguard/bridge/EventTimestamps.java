package io.riskguard.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The envelope time of a payload: the broker's own timestamp of the change where the payload has
 * one (an order's {@code updateTimestamp}, else its {@code creationTimestamp}; a trade's
 * {@code creationTimestamp}; a quote's {@code timestamp}, else {@code lastUpdated}), else the
 * receipt time. A position's {@code creationTimestamp} is when it was opened, not when it changed,
 * so positions and accounts carry the receipt time. The broker writes offsets ({@code +00:00}) and
 * sometimes no zone at all (UTC then); envelopes always say {@code Z}.
 */
final class EventTimestamps {

    private EventTimestamps() {}

    static Instant of(HubEvent kind, JsonNode payload, Instant receivedAt) {
        Instant t = switch (kind) {
            case ORDER -> first(payload, "updateTimestamp", "creationTimestamp");
            case TRADE -> first(payload, "creationTimestamp");
            case QUOTE -> first(payload, "timestamp", "lastUpdated");
            case POSITION, ACCOUNT -> null;
        };
        return t != null ? t : receivedAt;
    }

    private static Instant first(JsonNode payload, String... fields) {
        for (String field : fields) {
            JsonNode v = payload.get(field);
            if (v != null && v.isTextual()) {
                Instant t = parse(v.asText());
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** An ISO-8601 date-time with {@code Z}, an offset, or no zone (UTC); null when it is none of these. */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                return null;
            }
        }
    }
}
