package io.riskguard.job.serde;

import io.riskguard.contract.InputCause;
import io.riskguard.job.model.SourceRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link SourceRecord}: an event, a rejected line or the end marker. */
public final class SourceRecordSerializer extends ImmutableSerializer<SourceRecord> {

    private static final long serialVersionUID = 1L;
    public static final SourceRecordSerializer INSTANCE = new SourceRecordSerializer();
    /**
     * 2: a rejection's cause follows its reason, by name (null for an accepted event or the end
     * marker). Version 1 had none: its rejections read as {@link InputCause#UNKNOWN}.
     */
    private static final int VERSION = 2;

    @Override
    public void serialize(SourceRecord v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.seq());
        Wire.writeInstant(v.evalTs(), out);
        out.writeBoolean(v.end());
        out.writeBoolean(v.event() != null);
        if (v.event() != null) {
            EventWire.write(v.event(), out);
        }
        Wire.writeString(v.rejection(), out);
        Wire.writeString(v.cause() == null ? null : v.cause().name(), out);
        Wire.writeString(v.line(), out);
    }

    @Override
    public SourceRecord deserialize(DataInputView in) throws IOException {
        int version = Wire.readVersion(in, VERSION, "SourceRecord");
        long seq = in.readLong();
        var evalTs = Wire.readInstant(in);
        boolean end = in.readBoolean();
        var event = in.readBoolean() ? EventWire.read(in) : null;
        String rejection = Wire.readString(in);
        InputCause cause = version == 1 ? (rejection == null ? null : InputCause.UNKNOWN) : cause(Wire.readString(in));
        return new SourceRecord(seq, evalTs, event, rejection, cause, Wire.readString(in), end);
    }

    private static InputCause cause(String name) {
        return name == null ? null : InputCause.fromName(name);
    }

    @Override
    public TypeSerializerSnapshot<SourceRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SourceRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
