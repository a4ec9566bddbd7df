package io.riskguard.job.serde;

import io.riskguard.sinks.jdbc.ConfigAudit;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link ConfigAudit}: a config update and its verdict. */
public final class ConfigAuditSerializer extends ImmutableSerializer<ConfigAudit> {

    private static final long serialVersionUID = 1L;
    public static final ConfigAuditSerializer INSTANCE = new ConfigAuditSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(ConfigAudit v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeString(v.messageId(), out);
        Wire.writeInstant(v.receivedAt(), out);
        out.writeBoolean(v.version() != null);
        if (v.version() != null) {
            out.writeInt(v.version());
        }
        out.writeBoolean(v.accepted());
        Wire.writeString(v.reason(), out);
        Wire.writeString(v.configSha256(), out);
    }

    @Override
    public ConfigAudit deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "ConfigAudit");
        String id = Wire.readString(in);
        var at = Wire.readInstant(in);
        Integer version = in.readBoolean() ? in.readInt() : null;
        return new ConfigAudit(id, at, version, in.readBoolean(), Wire.readString(in), Wire.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<ConfigAudit> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ConfigAudit> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
