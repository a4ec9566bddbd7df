package io.riskguard.job.local;

import io.riskguard.bridge.KafkaEventOutput;
import io.riskguard.job.kafka.KafkaSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode inside this JVM (one node, broker and controller combined, the
 * replication settings a single broker needs: STACK.md), for {@code local --via-bridge} and
 * {@code embedded-kafka}. Its data lives in a temporary directory, deleted by {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /**
     * The topics of the job and the bridge under their default names, with their partitions: events and
     * quotes are read in parallel, the others are small.
     */
    public static final Map<String, Integer> RISKGUARD_TOPICS = topics();

    private static final String FIXED_PORT_LISTENER = "FIXED";
    private static final int GROUP_OFFSETS_PARTITIONS = 1;

    private final KafkaClusterTestKit kafka;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit kafka, String bootstrapServers) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker (about 2 s) on {@code port}, 0 for an ephemeral one. */
    public static EmbeddedKafka start(int port) throws Exception {
        // A directory of our own: the test kit's default one is deleted by a JVM shutdown hook of its own, which
        // on Ctrl-C races the broker's shutdown in ours. This one is deleted by close().
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).setBaseDirectory(Files.createTempDirectory("riskguard-kafka")).build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // one partition each instead of 50: nothing to spread over a single broker
                .setConfigProp("offsets.topic.num.partitions", Integer.toString(GROUP_OFFSETS_PARTITIONS))
                .setConfigProp("transaction.state.log.num.partitions", "1");
        if (port != 0) {
            // The test kit binds its own two listeners to ephemeral ports before the broker starts, whatever
            // `listeners` says; a third listener is bound as configured, and a client that bootstraps through it
            // is given its address in the metadata.
            String broker = nodes.brokerListenerName().value();
            String controller = nodes.controllerListenerName().value();
            builder.setConfigProp("listeners", broker + "://localhost:0," + controller + "://localhost:0,"
                            + FIXED_PORT_LISTENER + "://localhost:" + port)
                    .setConfigProp("listener.security.protocol.map", broker + ":" + nodes.brokerListenerProtocol().name
                            + "," + controller + ":" + nodes.controllerListenerProtocol().name + ","
                            + FIXED_PORT_LISTENER + ":PLAINTEXT");
        }
        KafkaClusterTestKit kafka = builder.build();
        try {
            formatQuietly(kafka);
            kafka.startup();
            kafka.waitForReadyBrokers();
            EmbeddedKafka started = new EmbeddedKafka(kafka, port == 0 ? kafka.bootstrapServers() : "localhost:" + port);
            started.createGroupOffsetsTopic();
            return started;
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Left to the broker, the group offsets topic is created when the first consumer group looks for its
     * coordinator, and every client asking before it is ready makes the broker log a warning. Created as
     * the broker would: compacted, its partitions as configured above (groups are assigned by that number).
     */
    private void createGroupOffsetsTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic("__consumer_offsets", GROUP_OFFSETS_PARTITIONS, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact", "compression.type", "producer",
                            "segment.bytes", Integer.toString(100 * 1024 * 1024))))).all().get();
        }
    }

    /** The storage formatter prints its metadata on standard output, which is the commands' own output. */
    private static void formatQuietly(KafkaClusterTestKit kafka) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            kafka.format();
        } finally {
            System.setOut(stdout);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics (name → partitions), replication factor 1. */
    public void createTopics(Map<String, Integer> partitionsByTopic) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(topics).all().get();
        }
    }

    /** "riskguard.events (2 partitions), riskguard.quotes (2 partitions), riskguard.control, ..." */
    public static String describe(Map<String, Integer> partitionsByTopic) {
        List<String> parts = new ArrayList<>();
        partitionsByTopic.forEach((name, n) -> parts.add(n == 1 ? name : name + " (" + n + " partitions)"));
        return String.join(", ", parts);
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }

    private static Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(KafkaSettings.EVENTS, 2);
        topics.put(KafkaSettings.QUOTES, 2);
        topics.put(KafkaSettings.CONTROL, 1);
        topics.put(KafkaSettings.ACTIONS, 1);
        topics.put(KafkaSettings.DEAD_LETTERS, 1);
        topics.put(KafkaEventOutput.DEAD_LETTERS_TOPIC, 1);
        return Collections.unmodifiableMap(topics);
    }
}
