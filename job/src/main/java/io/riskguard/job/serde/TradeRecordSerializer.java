package io.riskguard.job.serde;

import io.riskguard.state.TradeRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link TradeRecord}: what is remembered of a trade id. */
public final class TradeRecordSerializer extends ImmutableSerializer<TradeRecord> {

    private static final long serialVersionUID = 1L;
    public static final TradeRecordSerializer INSTANCE = new TradeRecordSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(TradeRecord v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.tradeId());
        out.writeLong(v.orderId());
        Wire.writeInstant(v.ts(), out);
        out.writeBoolean(v.counted());
        Wire.writeDecimal(v.profitAndLoss(), out);
        Wire.writeDecimal(v.fees(), out);
    }

    @Override
    public TradeRecord deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "TradeRecord");
        return new TradeRecord(in.readLong(), in.readLong(), Wire.readInstant(in), in.readBoolean(), Wire.readDecimal(in),
                Wire.readDecimal(in));
    }

    @Override
    public TypeSerializerSnapshot<TradeRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TradeRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
