package io.riskguard.job.kafka;

import io.riskguard.job.control.ControlVerifier;
import io.riskguard.job.serde.Types;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A control-topic record with its identity (topic/partition/offset) and the time Kafka received it. */
final class ControlRecordSchema implements KafkaRecordDeserializationSchema<ControlVerifier.Received> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlVerifier.Received> out) {
        String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(new ControlVerifier.Received(record.topic() + "/" + record.partition() + "/" + record.offset(),
                Instant.ofEpochMilli(record.timestamp()), text));
    }

    @Override
    public TypeInformation<ControlVerifier.Received> getProducedType() {
        return Types.RECEIVED_CONTROL;
    }
}
