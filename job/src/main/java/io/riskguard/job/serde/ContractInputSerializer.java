package io.riskguard.job.serde;

import io.riskguard.job.model.ContractInput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ContractInput}: a position event or quote on its way to MarkToMarket. */
public final class ContractInputSerializer extends ImmutableSerializer<ContractInput> {

    private static final long serialVersionUID = 1L;
    public static final ContractInputSerializer INSTANCE = new ContractInputSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(ContractInput v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.contractId(), out);
        out.writeLong(v.seq());
        Wire.writeInstant(v.evalTs(), out);
        EventWire.write(v.event(), out);
    }

    @Override
    public ContractInput deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "ContractInput");
        return new ContractInput(Wire.readString(in), in.readLong(), Wire.readInstant(in), EventWire.read(in));
    }

    @Override
    public TypeSerializerSnapshot<ContractInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ContractInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
