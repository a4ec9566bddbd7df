package io.riskguard.bridge;

import java.util.Locale;

/** Why a hub record went to the dead letters (the metric label; the reason sentence says the details). */
enum DeadLetterCause {
    /** Not JSON, or not a JSON object: the record cannot be read at all. */
    UNREADABLE_RECORD,
    /** An event whose arguments are not what the method carries (count, types). */
    BAD_ARGUMENTS,
    /** A payload that is not a JSON object, or has no account id to key it by. */
    BAD_PAYLOAD,
    /** The job's codec refuses the envelope (CONTRACT.md §1's rejection rules). */
    REJECTED_BY_CONTRACT;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
