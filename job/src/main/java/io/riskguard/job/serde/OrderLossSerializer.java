package io.riskguard.job.serde;

import io.riskguard.state.OrderLoss;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link OrderLoss}: RULE-007's memory of one order. */
public final class OrderLossSerializer extends ImmutableSerializer<OrderLoss> {

    private static final long serialVersionUID = 1L;
    public static final OrderLossSerializer INSTANCE = new OrderLossSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(OrderLoss v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.orderId());
        Wire.writeDecimal(v.loss(), out);
        Wire.writeDecimal(v.firedTier(), out);
        Wire.writeInstant(v.lastFill(), out);
    }

    @Override
    public OrderLoss deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "OrderLoss");
        return new OrderLoss(in.readLong(), Wire.readDecimal(in), Wire.readDecimal(in), Wire.readInstant(in));
    }

    @Override
    public TypeSerializerSnapshot<OrderLoss> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<OrderLoss> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
