package io.riskguard.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's topics through one idempotent producer: acks from all in-sync replicas, retries that
 * keep each partition's order and write nothing twice, and no delivery deadline — while Kafka is
 * away the producer holds the records (and then blocks the hub threads, which is the backpressure
 * we want) instead of dropping them.
 */
public final class KafkaEventOutput implements EventOutput {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventOutput.class);

    /** The bridge's dead letters by default: beside the job's own, which mean something else (docs/bridge.md §2). */
    public static final String DEAD_LETTERS_TOPIC = "riskguard.bridge-dead-letters";

    public record Topics(String events, String quotes, String deadLetters) {}

    private final KafkaProducer<String, String> producer;
    private final Topics topics;
    private final BridgeMetrics metrics;

    public KafkaEventOutput(String bootstrapServers, Map<String, String> clientProperties, Topics topics,
            BridgeMetrics metrics) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "riskguard-bridge");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topics = topics;
        this.metrics = metrics;
    }

    @Override
    public void event(String accountKey, String line) {
        send(topics.events(), accountKey, line);
    }

    @Override
    public void quote(String contractKey, String line) {
        send(topics.quotes(), contractKey, line);
    }

    @Override
    public void deadLetter(String line) {
        send(topics.deadLetters(), null, line);
    }

    private void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (meta, error) -> {
            if (error != null) {
                metrics.add(BridgeMetrics.Counter.PRODUCE_FAILURES);
                LOG.error("could not write to {} (key {}): {}", topic, key, error.toString());
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
