package io.riskguard.bench.job;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Discards every record, like Flink's DiscardingSink, and notes when its last subtask saw the end
 * of its input: the moment all records have been processed, before the job's final checkpoint and
 * shutdown.
 */
final class TimedDiscardingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong LAST_END_OF_INPUT = new AtomicLong();

    static void reset() {
        LAST_END_OF_INPUT.set(0);
    }

    /** System.nanoTime() at which the last sink subtask reached the end of its input, or 0. */
    static long lastEndOfInputNanos() {
        return LAST_END_OF_INPUT.get();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    long now = System.nanoTime();
                    LAST_END_OF_INPUT.accumulateAndGet(now, Math::max);
                }
            }

            @Override
            public void close() {}
        };
    }
}
