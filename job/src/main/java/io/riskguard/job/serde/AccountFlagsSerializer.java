package io.riskguard.job.serde;

import io.riskguard.state.AccountFlags;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link AccountFlags}: canTrade and warned contracts. */
public final class AccountFlagsSerializer extends ImmutableSerializer<AccountFlags> {

    private static final long serialVersionUID = 1L;
    public static final AccountFlagsSerializer INSTANCE = new AccountFlagsSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(AccountFlags v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeBooleanObj(v.canTrade(), out);
        out.writeInt(v.warnedContracts().size());
        for (String c : Wire.sorted(v.warnedContracts())) {
            Wire.writeString(c, out);
        }
    }

    @Override
    public AccountFlags deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "AccountFlags");
        Boolean canTrade = Wire.readBooleanObj(in);
        int n = in.readInt();
        Set<String> warned = new HashSet<>();
        for (int i = 0; i < n; i++) {
            warned.add(Wire.readString(in));
        }
        return new AccountFlags(canTrade, warned);
    }

    @Override
    public TypeSerializerSnapshot<AccountFlags> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccountFlags> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
