package io.riskguard.job.serde;

import io.riskguard.state.Fill;
import io.riskguard.state.FillLog;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link FillLog}: RULE-006's recent counted fills. */
public final class FillLogSerializer extends ImmutableSerializer<FillLog> {

    private static final long serialVersionUID = 1L;
    public static final FillLogSerializer INSTANCE = new FillLogSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(FillLog v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeInt(v.fills().size());
        for (Fill f : v.fills()) {
            out.writeLong(f.tradeId());
            out.writeLong(f.orderId());
            Wire.writeInstant(f.ts(), out);
            out.writeBoolean(f.opening());
        }
    }

    @Override
    public FillLog deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "FillLog");
        int n = in.readInt();
        List<Fill> fills = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fills.add(new Fill(in.readLong(), in.readLong(), Wire.readInstant(in), in.readBoolean()));
        }
        return new FillLog(fills);
    }

    @Override
    public TypeSerializerSnapshot<FillLog> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FillLog> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
