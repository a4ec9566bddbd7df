package io.riskguard.job.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the job's output as it is committed to Kafka (at each checkpoint: the sinks are exactly
 * once): actions on standard output as {@code action> <json>}, dead letters on standard error as
 * {@code dead-letter> <json>}, as plain {@code local} prints them. Reads from a thread of its own, from
 * the beginning of the topics, without a consumer group.
 */
final class CommittedOutputPrinter implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String actionsTopic;
    private final Thread thread;

    CommittedOutputPrinter(String bootstrapServers, String actionsTopic, String deadLettersTopic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.actionsTopic = actionsTopic;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(actionsTopic, deadLettersTopic)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::printUntilClosed, "riskguard-local-output");
        thread.setDaemon(true);
        thread.start();
    }

    private void printUntilClosed() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.topic().equals(actionsTopic)) {
                        System.out.println("action> " + r.value());
                    } else {
                        System.err.println("dead-letter> " + r.value());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5).toMillis());
    }
}
