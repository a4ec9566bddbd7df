package io.riskguard.job.serde;

import io.riskguard.state.PositionState;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link PositionState}: one open position. */
public final class PositionStateSerializer extends ImmutableSerializer<PositionState> {

    private static final long serialVersionUID = 1L;
    public static final PositionStateSerializer INSTANCE = new PositionStateSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(PositionState v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.contractId(), out);
        out.writeLong(v.positionId());
        out.writeByte(v.positionType());
        out.writeLong(v.size());
        Wire.writeDecimal(v.averagePrice(), out);
        Wire.writeInstant(v.openedAt(), out);
        Wire.writeDecimal(v.best(), out);
        Wire.writeInstant(v.graceDue(), out);
    }

    @Override
    public PositionState deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "PositionState");
        return new PositionState(Wire.readString(in), in.readLong(), in.readByte(), in.readLong(), Wire.readDecimal(in),
                Wire.readInstant(in), Wire.readDecimal(in), Wire.readInstant(in));
    }

    @Override
    public TypeSerializerSnapshot<PositionState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PositionState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
