package io.riskguard.job.serde;

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
    private static final int VERSION = 1;

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
        Wire.writeString(v.line(), out);
    }

    @Override
    public SourceRecord deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "SourceRecord");
        long seq = in.readLong();
        var evalTs = Wire.readInstant(in);
        boolean end = in.readBoolean();
        var event = in.readBoolean() ? EventWire.read(in) : null;
        return new SourceRecord(seq, evalTs, event, Wire.readString(in), Wire.readString(in), end);
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
