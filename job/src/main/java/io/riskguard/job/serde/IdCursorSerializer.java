package io.riskguard.job.serde;

import io.riskguard.state.IdCursor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link IdCursor}: action index continuation per source. */
public final class IdCursorSerializer extends ImmutableSerializer<IdCursor> {

    private static final long serialVersionUID = 1L;
    public static final IdCursorSerializer INSTANCE = new IdCursorSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(IdCursor v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeInstant(v.at(), out);
        out.writeInt(v.nextIndex().size());
        for (Map.Entry<String, Integer> e : Wire.sorted(v.nextIndex())) {
            Wire.writeString(e.getKey(), out);
            out.writeInt(e.getValue());
        }
    }

    @Override
    public IdCursor deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "IdCursor");
        Instant at = Wire.readInstant(in);
        int n = in.readInt();
        Map<String, Integer> next = new HashMap<>();
        for (int i = 0; i < n; i++) {
            next.put(Wire.readString(in), in.readInt());
        }
        return new IdCursor(at, next);
    }

    @Override
    public TypeSerializerSnapshot<IdCursor> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<IdCursor> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
