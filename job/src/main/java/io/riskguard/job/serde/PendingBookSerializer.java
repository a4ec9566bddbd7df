package io.riskguard.job.serde;

import io.riskguard.state.PendingBook;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link PendingBook}: enforcement in flight. */
public final class PendingBookSerializer extends ImmutableSerializer<PendingBook> {

    private static final long serialVersionUID = 1L;
    public static final PendingBookSerializer INSTANCE = new PendingBookSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(PendingBook v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeInt(v.positions().size());
        for (Map.Entry<String, PendingBook.PendingTarget> e : Wire.sorted(v.positions())) {
            Wire.writeString(e.getKey(), out);
            out.writeLong(e.getValue().target());
            Wire.writeInstant(e.getValue().expires(), out);
        }
        Wire.writeInstant(v.flattenExpires(), out);
        out.writeInt(v.cancels().size());
        for (Map.Entry<Long, Instant> e : Wire.sorted(v.cancels())) {
            out.writeLong(e.getKey());
            Wire.writeInstant(e.getValue(), out);
        }
        out.writeInt(v.modifies().size());
        for (Map.Entry<Long, PendingBook.PendingModify> e : Wire.sorted(v.modifies())) {
            out.writeLong(e.getKey());
            Wire.writeDecimal(e.getValue().stopPrice(), out);
            Wire.writeInstant(e.getValue().expires(), out);
        }
    }

    @Override
    public PendingBook deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "PendingBook");
        int n = in.readInt();
        Map<String, PendingBook.PendingTarget> positions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(Wire.readString(in), new PendingBook.PendingTarget(in.readLong(), Wire.readInstant(in)));
        }
        Instant flatten = Wire.readInstant(in);
        n = in.readInt();
        Map<Long, Instant> cancels = new HashMap<>();
        for (int i = 0; i < n; i++) {
            cancels.put(in.readLong(), Wire.readInstant(in));
        }
        n = in.readInt();
        Map<Long, PendingBook.PendingModify> modifies = new HashMap<>();
        for (int i = 0; i < n; i++) {
            modifies.put(in.readLong(), new PendingBook.PendingModify(Wire.readDecimal(in), Wire.readInstant(in)));
        }
        return new PendingBook(positions, flatten, cancels, modifies);
    }

    @Override
    public TypeSerializerSnapshot<PendingBook> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PendingBook> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
