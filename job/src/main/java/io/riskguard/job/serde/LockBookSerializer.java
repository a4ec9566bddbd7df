package io.riskguard.job.serde;

import io.riskguard.state.LockBook;
import io.riskguard.state.LockRecord;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link LockBook}: the account's lock records. */
public final class LockBookSerializer extends ImmutableSerializer<LockBook> {

    private static final long serialVersionUID = 1L;
    public static final LockBookSerializer INSTANCE = new LockBookSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(LockBook v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeInt(v.records().size());
        for (LockRecord r : v.records()) {
            out.writeByte(r.rule());
            Wire.writeInstant(r.until(), out);
        }
    }

    @Override
    public LockBook deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "LockBook");
        int n = in.readInt();
        List<LockRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new LockRecord(in.readByte(), Wire.readInstant(in)));
        }
        return new LockBook(records);
    }

    @Override
    public TypeSerializerSnapshot<LockBook> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LockBook> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
