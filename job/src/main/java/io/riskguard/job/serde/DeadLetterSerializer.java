package io.riskguard.job.serde;

import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.InputCause;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link DeadLetter}: a rejected line or a warning. */
public final class DeadLetterSerializer extends ImmutableSerializer<DeadLetter> {

    private static final long serialVersionUID = 1L;
    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();
    /**
     * 2: the cause follows the kind, by name. Version 1 had none: its letters read as
     * {@link InputCause#UNKNOWN}.
     */
    private static final int VERSION = 2;

    @Override
    public void serialize(DeadLetter v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(v.kind().ordinal());
        Wire.writeString(v.cause().name(), out);
        Wire.writeString(v.reason(), out);
        Wire.writeString(v.raw(), out);
    }

    @Override
    public DeadLetter deserialize(DataInputView in) throws IOException {
        int version = Wire.readVersion(in, VERSION, "DeadLetter");
        DeadLetter.Kind kind = DeadLetter.Kind.values()[in.readByte()];
        InputCause cause = version == 1 ? InputCause.UNKNOWN : InputCause.fromName(Wire.readString(in));
        return new DeadLetter(kind, cause, Wire.readString(in), Wire.readString(in));
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
