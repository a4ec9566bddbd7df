package io.riskguard.job.serde;

import io.riskguard.job.control.ControlVerifier;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ControlVerifier.Received}: a control message as it arrived. */
public final class ReceivedControlSerializer extends ImmutableSerializer<ControlVerifier.Received> {

    private static final long serialVersionUID = 1L;
    public static final ReceivedControlSerializer INSTANCE = new ReceivedControlSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(ControlVerifier.Received v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.messageId(), out);
        Wire.writeInstant(v.receivedAt(), out);
        Wire.writeString(v.text(), out);
    }

    @Override
    public ControlVerifier.Received deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "ReceivedControl");
        return new ControlVerifier.Received(Wire.readString(in), Wire.readInstant(in), Wire.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<ControlVerifier.Received> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ControlVerifier.Received> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
