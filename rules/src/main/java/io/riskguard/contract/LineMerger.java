package io.riskguard.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges event files by ts (CONTRACT.md §4): a streaming k-way merge where equal ts keep the order
 * of the files, then of the lines. Each file is expected in ts order; a line whose ts is earlier
 * than a line already merged is still taken at its place and evaluated at the current event time
 * (the late-event rule of RULES.md §1.3). A rejected line keeps its place in its file and does not
 * move event time. Blank lines carry nothing and are skipped. Lines after {@code until} end the
 * merge.
 */
public final class LineMerger implements Iterator<MergedLine> {

    private record Head(int file, String line, Event event, String rejection, InputCause cause, Instant key) {}

    private final List<Iterator<String>> files;
    private final Instant until;
    private final Instant[] lastKey;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        int byKey = a.key().compareTo(b.key());
        return byKey != 0 ? byKey : Integer.compare(a.file(), b.file());
    });
    private Instant eventTime;
    private long seq;
    private MergedLine next;

    public LineMerger(List<Iterator<String>> files, Instant until) {
        this.files = new ArrayList<>(files);
        this.until = until;
        this.lastKey = new Instant[files.size()];
        for (int i = 0; i < files.size(); i++) {
            lastKey[i] = Instant.MIN;
            advance(i);
        }
    }

    /** The event time after the last line returned; null before the first accepted event. */
    public Instant eventTime() {
        return eventTime;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = pull();
        }
        return next != null;
    }

    @Override
    public MergedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        MergedLine line = next;
        next = null;
        return line;
    }

    private MergedLine pull() {
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        if (head.event() != null && until != null && head.key().isAfter(until)) {
            heads.clear();
            return null;
        }
        advance(head.file());
        if (head.event() != null && (eventTime == null || head.event().ts().isAfter(eventTime))) {
            eventTime = head.event().ts();
        }
        return new MergedLine(seq++, head.line(), head.event(), head.rejection(), head.cause(), eventTime);
    }

    private void advance(int file) {
        Iterator<String> lines = files.get(file);
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            try {
                Event e = EventCodec.parse(line);
                Instant key = e.ts().isBefore(lastKey[file]) ? lastKey[file] : e.ts();
                lastKey[file] = key;
                heads.add(new Head(file, line, e, null, null, key));
            } catch (RejectedInputException r) {
                heads.add(new Head(file, line, null, r.reason(), r.cause(), lastKey[file]));
            }
            return;
        }
    }
}
