package io.riskguard.job.serde;

import io.riskguard.job.model.MarketInput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link MarketInput}: a merged quote or a control message on its way to every AccountRisk subtask. */
public final class MarketInputSerializer extends ImmutableSerializer<MarketInput> {

    private static final long serialVersionUID = 1L;
    public static final MarketInputSerializer INSTANCE = new MarketInputSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(MarketInput v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeBoolean(v.isControl());
        if (v.isControl()) {
            ControlMessageSerializer.INSTANCE.serialize(v.control(), out);
            return;
        }
        Wire.writeString(v.contractId(), out);
        out.writeLong(v.seq());
        Wire.writeInstant(v.evalTs(), out);
        QuoteStateSerializer.INSTANCE.serialize(v.quote(), out);
    }

    @Override
    public MarketInput deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "MarketInput");
        if (in.readBoolean()) {
            return MarketInput.control(ControlMessageSerializer.INSTANCE.deserialize(in));
        }
        return MarketInput.quote(Wire.readString(in), in.readLong(), Wire.readInstant(in),
                QuoteStateSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<MarketInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MarketInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
