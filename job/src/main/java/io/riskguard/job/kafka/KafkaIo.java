package io.riskguard.job.kafka;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.job.control.ControlVerifier;
import io.riskguard.job.model.DeadLetterRecord;
import io.riskguard.job.model.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The job's Kafka sources and sinks. Sources start from the committed offsets of the group (the
 * earliest on a first start) and commit on checkpoints; sinks are exactly once: actions and dead
 * letters become visible to read_committed consumers when the checkpoint that covers them completes.
 */
public final class KafkaIo {

    /** Below the broker's default transaction.max.timeout.ms (15 min), above checkpoint plus restart time. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    private KafkaIo() {}

    public static KafkaSource<SourceRecord> events(KafkaSettings k) {
        return source(k, k.eventsTopic(), new EventRecordSchema());
    }

    public static KafkaSource<SourceRecord> quotes(KafkaSettings k) {
        return source(k, k.quotesTopic(), new EventRecordSchema());
    }

    public static KafkaSource<ControlVerifier.Received> control(KafkaSettings k) {
        return KafkaSource.<ControlVerifier.Received>builder()
                .setBootstrapServers(k.bootstrapServers())
                .setTopics(k.controlTopic())
                .setGroupId(k.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ControlRecordSchema())
                .setProperties(k.properties())
                .build();
    }

    private static KafkaSource<SourceRecord> source(KafkaSettings k, String topic, EventRecordSchema schema) {
        return KafkaSource.<SourceRecord>builder()
                .setBootstrapServers(k.bootstrapServers())
                .setTopics(topic)
                .setGroupId(k.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(schema)
                .setProperties(k.properties())
                .build();
    }

    /** Actions as CONTRACT.md §2 JSON, keyed by account. */
    public static KafkaSink<Action> actions(KafkaSettings k) {
        KafkaRecordSerializationSchema<Action> schema = (a, ctx, ts) -> new ProducerRecord<>(k.actionsTopic(),
                Long.toString(a.accountId()).getBytes(StandardCharsets.UTF_8),
                ActionJson.toJson(a).getBytes(StandardCharsets.UTF_8));
        return sink(k, schema, "-actions");
    }

    /** Dead letters as {"kind","reason","raw"} JSON. */
    public static KafkaSink<DeadLetterRecord> deadLetters(KafkaSettings k) {
        KafkaRecordSerializationSchema<DeadLetterRecord> schema = (d, ctx, ts) -> new ProducerRecord<>(
                k.deadLettersTopic(), null, DeadLetterJson.toJson(d.letter()).getBytes(StandardCharsets.UTF_8));
        return sink(k, schema, "-dead-letters");
    }

    private static <T> KafkaSink<T> sink(KafkaSettings k, KafkaRecordSerializationSchema<T> schema, String suffix) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(k.bootstrapServers())
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(k.transactionalIdPrefix() + suffix)
                .setKafkaProducerConfig(k.properties())
                .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT.toMillis()))
                .build();
    }
}
