package io.riskguard.job.serde;

import io.riskguard.state.OrderState;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link OrderState}: one order that is not final. */
public final class OrderStateSerializer extends ImmutableSerializer<OrderState> {

    private static final long serialVersionUID = 1L;
    public static final OrderStateSerializer INSTANCE = new OrderStateSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(OrderState v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.orderId());
        Wire.writeString(v.contractId(), out);
        out.writeByte(v.status());
        out.writeByte(v.orderType());
        out.writeByte(v.side());
        out.writeLong(v.size());
        Wire.writeDecimal(v.limitPrice(), out);
        Wire.writeDecimal(v.stopPrice(), out);
        Wire.writeLongObj(v.fillVolume(), out);
        Wire.writeDecimal(v.filledPrice(), out);
        Wire.writeInstant(v.workingSince(), out);
    }

    @Override
    public OrderState deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "OrderState");
        return new OrderState(in.readLong(), Wire.readString(in), in.readByte(), in.readByte(), in.readByte(), in.readLong(),
                Wire.readDecimal(in), Wire.readDecimal(in), Wire.readLongObj(in), Wire.readDecimal(in), Wire.readInstant(in));
    }

    @Override
    public TypeSerializerSnapshot<OrderState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<OrderState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
