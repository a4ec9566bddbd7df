package io.riskguard.job.kafka;

import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.job.model.SourceRecord;
import io.riskguard.job.serde.Types;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An events or quotes record as a parsed source record: the value is one JSON event (CONTRACT.md
 * §1); what cannot be accepted becomes a rejected record for the dead letters, never an exception.
 * {@code seq} is the record's offset, which orders records of one partition.
 */
final class EventRecordSchema implements KafkaRecordDeserializationSchema<SourceRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceRecord> out) {
        String line = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        try {
            Event e = EventCodec.parse(line);
            out.collect(SourceRecord.accepted(record.offset(), e.ts(), e));
        } catch (RejectedInputException r) {
            out.collect(SourceRecord.rejected(record.offset(), null, r.cause(), r.reason(), line));
        }
    }

    @Override
    public TypeInformation<SourceRecord> getProducedType() {
        return Types.SOURCE_RECORD;
    }
}
