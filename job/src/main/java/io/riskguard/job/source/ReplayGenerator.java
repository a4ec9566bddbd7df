package io.riskguard.job.source;

import io.riskguard.contract.LineMerger;
import io.riskguard.contract.MergedLine;
import io.riskguard.job.model.SourceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Produces the {@code i}-th record of a replay: the merged event files ({@link LineMerger}), then
 * one end-of-input marker, then fillers up to the count the source was sized for (a replay cut
 * short by {@code --until} ends before its last line). The source checkpoints only the index; after
 * a restore the merge is replayed up to it, so the records are the same as in an uninterrupted run.
 */
final class ReplayGenerator implements GeneratorFunction<Long, SourceRecord> {

    private static final long serialVersionUID = 1L;
    private static final SourceRecord FILLER = new SourceRecord(-1, null, null, null, null, null, false);

    private final List<String> files;
    private final Instant until;
    private final long lines;
    private final ReplayProgress progress;
    private final double speed;

    private transient List<BufferedReader> readers;
    private transient LineMerger merger;
    private transient long nextIndex;
    private transient boolean endSent;

    private transient Pacer pacer;

    /** @param speed event time per wall-clock time (60: a minute per second), or 0 for no pacing */
    ReplayGenerator(List<String> files, Instant until, long lines, ReplayProgress progress, double speed) {
        this.files = List.copyOf(files);
        this.until = until;
        this.lines = lines;
        this.progress = progress;
        this.speed = speed;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        restart();
        pacer = speed > 0 ? new Pacer(speed) : null;
    }

    @Override
    public SourceRecord map(Long index) {
        if (index != nextIndex) {
            restart();
            while (nextIndex < index) {
                next();
            }
        }
        SourceRecord record = next();
        progress.report(nextIndex, lines);
        if (pacer != null && record.evalTs() != null) {
            pacer.await(record.evalTs());
        }
        return record;
    }

    private SourceRecord next() {
        nextIndex++;
        if (merger.hasNext()) {
            MergedLine line = merger.next();
            return SourceRecord.of(line);
        }
        if (!endSent) {
            endSent = true;
            Instant horizon = until != null ? until : merger.eventTime();
            return SourceRecord.endOfInput(nextIndex - 1, horizon == null ? Instant.EPOCH : horizon);
        }
        return FILLER;
    }

    private void restart() {
        close();
        readers = new ArrayList<>();
        List<Iterator<String>> sources = new ArrayList<>();
        for (String f : files) {
            try {
                BufferedReader r = Files.newBufferedReader(Path.of(f), StandardCharsets.UTF_8);
                readers.add(r);
                sources.add(r.lines().iterator());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read events file " + f, e);
            }
        }
        merger = new LineMerger(sources, until);
        nextIndex = 0;
        endSent = false;
    }

    @Override
    public void close() {
        if (readers == null) {
            return;
        }
        for (BufferedReader r : readers) {
            try {
                r.close();
            } catch (IOException ignored) {
                // closing a read-only file
            }
        }
        readers = null;
    }
}
