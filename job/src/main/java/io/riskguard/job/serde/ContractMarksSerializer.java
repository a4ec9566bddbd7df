package io.riskguard.job.serde;

import io.riskguard.fanout.MarkHistory;
import io.riskguard.job.model.ContractMarks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ContractMarks}: one contract's mark history, as an AccountRisk subtask snapshots it. */
public final class ContractMarksSerializer extends ImmutableSerializer<ContractMarks> {

    private static final long serialVersionUID = 1L;
    public static final ContractMarksSerializer INSTANCE = new ContractMarksSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(ContractMarks v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.contractId(), out);
        out.writeLong(v.history().count());
        writeEntries(v.history().highs(), out);
        writeEntries(v.history().lows(), out);
    }

    @Override
    public ContractMarks deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "ContractMarks");
        String contractId = Wire.readString(in);
        long count = in.readLong();
        return new ContractMarks(contractId, new MarkHistory.Snapshot(count, readEntries(in), readEntries(in)));
    }

    private static void writeEntries(List<MarkHistory.Entry> entries, DataOutputView out) throws IOException {
        out.writeInt(entries.size());
        for (MarkHistory.Entry e : entries) {
            out.writeLong(e.number());
            Wire.writeDecimal(e.mark(), out);
        }
    }

    private static List<MarkHistory.Entry> readEntries(DataInputView in) throws IOException {
        int n = in.readInt();
        List<MarkHistory.Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new MarkHistory.Entry(in.readLong(), Wire.readDecimal(in)));
        }
        return out;
    }

    @Override
    public TypeSerializerSnapshot<ContractMarks> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ContractMarks> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
