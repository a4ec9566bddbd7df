package io.riskguard.job.serde;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link Action}: one enforcement decision. */
public final class ActionSerializer extends ImmutableSerializer<Action> {

    private static final long serialVersionUID = 1L;
    public static final ActionSerializer INSTANCE = new ActionSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(Action v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.id(), out);
        Wire.writeInstant(v.ts(), out);
        out.writeLong(v.accountId());
        out.writeByte(v.rule());
        out.writeByte(v.kind().ordinal());
        Wire.writeInstant(v.until(), out);
        Wire.writeString(v.contractId(), out);
        Wire.writeLongObj(v.size(), out);
        Wire.writeLongObj(v.orderId(), out);
        Wire.writeDecimal(v.stopPrice(), out);
        Wire.writeString(v.reason(), out);
        out.writeInt(v.configVersion());
    }

    @Override
    public Action deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "Action");
        return new Action(Wire.readString(in), Wire.readInstant(in), in.readLong(), in.readByte(),
                ActionKind.values()[in.readByte()], Wire.readInstant(in), Wire.readString(in), Wire.readLongObj(in),
                Wire.readLongObj(in), Wire.readDecimal(in), Wire.readString(in), in.readInt());
    }

    @Override
    public TypeSerializerSnapshot<Action> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Action> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
