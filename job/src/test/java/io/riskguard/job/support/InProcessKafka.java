package io.riskguard.job.support;

import io.riskguard.job.local.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The in-process KRaft broker of {@code local --via-bridge} ({@link EmbeddedKafka}), with small producer/consumer helpers for tests. */
public final class InProcessKafka implements AutoCloseable {

    private final EmbeddedKafka kafka;

    private InProcessKafka(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static InProcessKafka start() throws Exception {
        return new InProcessKafka(EmbeddedKafka.start(0));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public void createTopics(String... topics) throws Exception {
        createTopics(1, topics);
    }

    public void createTopics(int partitions, String... topics) throws Exception {
        Map<String, Integer> partitionsByTopic = new LinkedHashMap<>();
        for (String t : topics) {
            partitionsByTopic.put(t, partitions);
        }
        kafka.createTopics(partitionsByTopic);
    }

    /** Sends {@code value} to every partition of the topic (a clock record that must reach every reader). */
    public void produceToAllPartitions(String topic, int partitions, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, value));
            }
            producer.flush();
        }
    }

    /** Sends (key, value) pairs in order and waits for them. */
    public void produce(String topic, List<String[]> keyValues) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String[] kv : keyValues) {
                producer.send(new ProducerRecord<>(topic, kv[0], kv[1]));
            }
            producer.flush();
        }
    }

    /** Committed records (read_committed) until {@code count} arrived or the timeout passed. */
    public List<String> consume(String topic, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
