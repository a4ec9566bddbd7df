package io.riskguard.job.serde;

import io.riskguard.job.model.ControlMessage;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ControlMessage}: broadcast to every AccountRisk subtask. */
public final class ControlMessageSerializer extends ImmutableSerializer<ControlMessage> {

    private static final long serialVersionUID = 1L;
    public static final ControlMessageSerializer INSTANCE = new ControlMessageSerializer();
    /** 1: the replay horizon only; 2: and a configuration (version, YAML). */
    private static final int VERSION = 2;

    @Override
    public void serialize(ControlMessage v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeInstant(v.replayHorizon(), out);
        out.writeInt(v.configVersion());
        Wire.writeString(v.configYaml(), out);
    }

    @Override
    public ControlMessage deserialize(DataInputView in) throws IOException {
        int format = Wire.readVersion(in, VERSION, "ControlMessage");
        var horizon = Wire.readInstant(in);
        if (format == 1) {
            return ControlMessage.endOfReplay(horizon);
        }
        return new ControlMessage(horizon, in.readInt(), Wire.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<ControlMessage> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ControlMessage> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
