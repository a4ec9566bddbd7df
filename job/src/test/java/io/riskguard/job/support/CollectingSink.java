package io.riskguard.job.support;

import io.riskguard.job.model.DecidedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Test sink: every action any subtask writes, across restarts and jobs, in a JVM-wide list under a
 * name (MiniCluster tasks run in the test's JVM). At least once: a restore may write an action
 * again, which is why outputs are compared after de-duplication by action id.
 */
public final class CollectingSink implements Sink<DecidedAction> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Queue<DecidedAction>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    public CollectingSink(String name) {
        this.name = name;
        RESULTS.put(name, new ConcurrentLinkedQueue<>());
    }

    public static List<DecidedAction> results(String name) {
        return new ArrayList<>(RESULTS.getOrDefault(name, new ConcurrentLinkedQueue<>()));
    }

    @Override
    public SinkWriter<DecidedAction> createWriter(WriterInitContext context) {
        Queue<DecidedAction> target = RESULTS.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
            @Override
            public void write(DecidedAction element, Context ctx) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
