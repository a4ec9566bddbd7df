package io.riskguard.contract;

import java.util.Iterator;

/** The dead-letter line (CONTRACT.md §1): {@code {"kind":"rejected","reason":"...","raw":"..."}}. */
public final class DeadLetterJson {

    private DeadLetterJson() {
    }

    public static String toJson(DeadLetter d) {
        StringBuilder out = new StringBuilder(d.raw().length() + d.reason().length() + 48);
        out.append("{\"kind\":\"").append(d.kind().wireName()).append("\",\"reason\":");
        JsonStrings.appendQuoted(out, d.reason());
        out.append(",\"raw\":");
        JsonStrings.appendQuoted(out, d.raw());
        return out.append('}').toString();
    }

    /**
     * Reads a line written by {@link #toJson}; exactly the fields kind, reason and raw, all strings.
     * The line does not carry the cause: it reads as {@link InputCause#UNKNOWN}.
     */
    public static DeadLetter fromJson(String json) {
        FieldReader f = new FieldReader(StrictJson.readObject(json, "bad dead-letter JSON"), "");
        for (Iterator<String> names = f.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("kind") && !name.equals("reason") && !name.equals("raw")) {
                throw new IllegalArgumentException("bad dead-letter JSON: unexpected field \"" + name + "\"");
            }
        }
        try {
            String kind = f.requiredString("kind");
            String reason = f.requiredString("reason");
            String raw = f.requiredString("raw");
            return switch (kind) {
                case "rejected" -> DeadLetter.rejected(InputCause.UNKNOWN, reason, raw);
                case "warning" -> DeadLetter.warning(InputCause.UNKNOWN, reason, raw);
                default -> throw new IllegalArgumentException("bad dead-letter JSON: unknown kind \"" + kind + "\"");
            };
        } catch (RejectedInputException e) {
            throw new IllegalArgumentException("bad dead-letter JSON: " + e.reason(), e);
        }
    }
}
