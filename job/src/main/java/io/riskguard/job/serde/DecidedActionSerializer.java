package io.riskguard.job.serde;

import io.riskguard.job.model.DecidedAction;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link DecidedAction}: an action with its decision order. */
public final class DecidedActionSerializer extends ImmutableSerializer<DecidedAction> {

    private static final long serialVersionUID = 1L;
    public static final DecidedActionSerializer INSTANCE = new DecidedActionSerializer();
    /** 2: the nested action in its format 2 (its own version byte tells a reader which). */
    private static final int VERSION = 2;

    @Override
    public void serialize(DecidedAction v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        ActionSerializer.INSTANCE.serialize(v.action(), out);
        out.writeByte(v.phase());
        out.writeLong(v.seq());
        out.writeInt(v.index());
    }

    @Override
    public DecidedAction deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "DecidedAction");
        return new DecidedAction(ActionSerializer.INSTANCE.deserialize(in), in.readByte(), in.readLong(), in.readInt());
    }

    @Override
    public TypeSerializerSnapshot<DecidedAction> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DecidedAction> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
