package io.riskguard.job.serde;

import io.riskguard.job.model.DeadLetterRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link DeadLetterRecord}: a dead letter and its replay order. */
public final class DeadLetterRecordSerializer extends ImmutableSerializer<DeadLetterRecord> {

    private static final long serialVersionUID = 1L;
    public static final DeadLetterRecordSerializer INSTANCE = new DeadLetterRecordSerializer();
    /** 2: the nested dead letter in its format 2 (its own version byte tells a reader which). */
    private static final int VERSION = 2;

    @Override
    public void serialize(DeadLetterRecord v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.seq());
        DeadLetterSerializer.INSTANCE.serialize(v.letter(), out);
    }

    @Override
    public DeadLetterRecord deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "DeadLetterRecord");
        return new DeadLetterRecord(in.readLong(), DeadLetterSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<DeadLetterRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DeadLetterRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
