package io.riskguard.job.serde;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionKind;
import io.riskguard.contract.DecisionCause;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link Action}: one enforcement decision. */
public final class ActionSerializer extends ImmutableSerializer<Action> {

    private static final long serialVersionUID = 1L;
    public static final ActionSerializer INSTANCE = new ActionSerializer();
    /**
     * 2: the cause follows configVersion, by name. Version 1 had none: its actions read as
     * {@link DecisionCause#UNKNOWN}.
     */
    private static final int VERSION = 2;

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
        Wire.writeString(v.cause().name(), out);
    }

    @Override
    public Action deserialize(DataInputView in) throws IOException {
        int version = Wire.readVersion(in, VERSION, "Action");
        String id = Wire.readString(in);
        var ts = Wire.readInstant(in);
        long accountId = in.readLong();
        int rule = in.readByte();
        ActionKind kind = ActionKind.values()[in.readByte()];
        var until = Wire.readInstant(in);
        String contractId = Wire.readString(in);
        Long size = Wire.readLongObj(in);
        Long orderId = Wire.readLongObj(in);
        var stopPrice = Wire.readDecimal(in);
        String reason = Wire.readString(in);
        int configVersion = in.readInt();
        DecisionCause cause = version == 1 ? DecisionCause.UNKNOWN : DecisionCause.fromName(Wire.readString(in));
        return new Action(id, ts, accountId, rule, kind, until, contractId, size, orderId, stopPrice, reason,
                configVersion, cause);
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
