package io.riskguard.bench.job;

import io.riskguard.contract.LineMerger;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.serde.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The replay source's records (one events file through {@link LineMerger}, parsed, in order) that
 * does not end: after the last line it idles, so the job keeps its state and goes on taking
 * checkpoints until the benchmark has measured it and cancels the job. (A finished job's last
 * checkpoint holds no state of finished tasks.) Not restartable: for the memory benchmark only.
 */
final class HoldingReplaySource {

    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final SourceRecord IDLE = new SourceRecord(-1, null, null, null, null, null, false);

    private HoldingReplaySource() {}

    static DataGeneratorSource<SourceRecord> create(Path file) {
        DONE.set(false);
        return new DataGeneratorSource<>(new Generator(file.toAbsolutePath().toString()), Long.MAX_VALUE,
                RateLimiterStrategy.noOp(), Types.SOURCE_RECORD);
    }

    /** True once every line has been emitted. */
    static boolean done() {
        return DONE.get();
    }

    private static final class Generator implements GeneratorFunction<Long, SourceRecord> {
        private static final long serialVersionUID = 1L;
        private final String file;
        private transient BufferedReader reader;
        private transient LineMerger merger;

        Generator(String file) {
            this.file = file;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            try {
                reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            merger = new LineMerger(List.of(reader.lines().iterator()), null);
        }

        @Override
        public SourceRecord map(Long index) throws Exception {
            if (merger.hasNext()) {
                return SourceRecord.of(merger.next());
            }
            DONE.set(true);
            Thread.sleep(20);
            return IDLE;
        }

        @Override
        public void close() throws Exception {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
