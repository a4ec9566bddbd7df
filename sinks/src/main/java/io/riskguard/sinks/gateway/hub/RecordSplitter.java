package io.riskguard.sinks.gateway.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text received on a hub socket into records: one WebSocket message may carry several
 * records, and a record may arrive in several parts. Not thread-safe: one per socket, fed in order.
 */
public final class RecordSplitter {

    private final StringBuilder pending = new StringBuilder();

    /** The records completed by this part, in order, without separators; an unfinished tail waits for the next part. */
    public List<String> feed(CharSequence part) {
        pending.append(part);
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            if (pending.charAt(i) == HubRecords.RECORD_SEPARATOR) {
                if (i > start) {
                    records.add(pending.substring(start, i));
                }
                start = i + 1;
            }
        }
        pending.delete(0, start);
        return records;
    }
}
