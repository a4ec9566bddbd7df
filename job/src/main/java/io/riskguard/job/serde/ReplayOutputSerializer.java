package io.riskguard.job.serde;

import io.riskguard.job.model.ReplayOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ReplayOutput}: an action or a dead letter collected by a replay. */
public final class ReplayOutputSerializer extends ImmutableSerializer<ReplayOutput> {

    private static final long serialVersionUID = 1L;
    public static final ReplayOutputSerializer INSTANCE = new ReplayOutputSerializer();
    /** 2: the nested action or dead letter in its format 2 (its own version byte tells a reader which). */
    private static final int VERSION = 2;

    @Override
    public void serialize(ReplayOutput v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeBoolean(v.action() != null);
        if (v.action() != null) {
            DecidedActionSerializer.INSTANCE.serialize(v.action(), out);
        } else {
            DeadLetterRecordSerializer.INSTANCE.serialize(v.deadLetter(), out);
        }
    }

    @Override
    public ReplayOutput deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "ReplayOutput");
        return in.readBoolean()
                ? ReplayOutput.of(DecidedActionSerializer.INSTANCE.deserialize(in))
                : ReplayOutput.of(DeadLetterRecordSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<ReplayOutput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ReplayOutput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
