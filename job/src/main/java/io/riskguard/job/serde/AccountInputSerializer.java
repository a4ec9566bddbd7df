package io.riskguard.job.serde;

import io.riskguard.job.model.AccountInput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link AccountInput}: an account's event or mark (also kept in AccountRisk's replay buffer). */
public final class AccountInputSerializer extends ImmutableSerializer<AccountInput> {

    private static final long serialVersionUID = 1L;
    public static final AccountInputSerializer INSTANCE = new AccountInputSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(AccountInput v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeLong(v.accountId());
        out.writeLong(v.seq());
        Wire.writeInstant(v.evalTs(), out);
        out.writeBoolean(v.event() != null);
        if (v.event() != null) {
            EventWire.write(v.event(), out);
        }
        Wire.writeString(v.contractId(), out);
        out.writeBoolean(v.quote() != null);
        if (v.quote() != null) {
            QuoteStateSerializer.INSTANCE.serialize(v.quote(), out);
        }
    }

    @Override
    public AccountInput deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "AccountInput");
        long accountId = in.readLong();
        long seq = in.readLong();
        var evalTs = Wire.readInstant(in);
        var event = in.readBoolean() ? EventWire.read(in) : null;
        String contractId = Wire.readString(in);
        var quote = in.readBoolean() ? QuoteStateSerializer.INSTANCE.deserialize(in) : null;
        return new AccountInput(accountId, seq, evalTs, event, contractId, quote);
    }

    @Override
    public TypeSerializerSnapshot<AccountInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccountInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
