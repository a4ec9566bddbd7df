package io.riskguard.job.serde;

import io.riskguard.contract.DeadLetter;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link DeadLetter}: a rejected line or a warning. */
public final class DeadLetterSerializer extends ImmutableSerializer<DeadLetter> {

    private static final long serialVersionUID = 1L;
    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(DeadLetter v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(v.kind().ordinal());
        Wire.writeString(v.reason(), out);
        Wire.writeString(v.raw(), out);
    }

    @Override
    public DeadLetter deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "DeadLetter");
        return new DeadLetter(DeadLetter.Kind.values()[in.readByte()], Wire.readString(in), Wire.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<DeadLetter> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DeadLetter> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
