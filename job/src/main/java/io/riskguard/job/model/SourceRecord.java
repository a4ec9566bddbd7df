package io.riskguard.job.model;

import io.riskguard.contract.Event;
import io.riskguard.contract.InputCause;
import io.riskguard.contract.MergedLine;
import java.time.Instant;

/**
 * What a source emits: an accepted event or a rejected line (with its replay order {@code seq}
 * and evaluation time; a rejection's reason and its typed {@code cause}), or, last in a replay, the end-of-input marker carrying the instant at
 * which event time ends.
 */
public record SourceRecord(long seq, Instant evalTs, Event event, String rejection, InputCause cause, String line,
        boolean end) {

    public SourceRecord {
        if (rejection != null && cause == null) {
            throw new IllegalArgumentException("a rejection needs its cause: " + rejection);
        }
    }

    public static SourceRecord of(MergedLine m) {
        return new SourceRecord(m.seq(), m.evalTs(), m.event(), m.rejection(), m.cause(), m.line(), false);
    }

    public static SourceRecord accepted(long seq, Instant evalTs, Event event) {
        return new SourceRecord(seq, evalTs, event, null, null, null, false);
    }

    public static SourceRecord rejected(long seq, Instant evalTs, InputCause cause, String reason, String line) {
        return new SourceRecord(seq, evalTs, null, reason, cause, line, false);
    }

    public static SourceRecord endOfInput(long seq, Instant horizon) {
        return new SourceRecord(seq, horizon, null, null, null, null, true);
    }

    public boolean accepted() {
        return event != null;
    }
}
