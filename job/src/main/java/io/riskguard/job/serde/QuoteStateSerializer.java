package io.riskguard.job.serde;

import io.riskguard.market.QuoteState;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link QuoteState}: a contract's merged last quote. */
public final class QuoteStateSerializer extends ImmutableSerializer<QuoteState> {

    private static final long serialVersionUID = 1L;
    public static final QuoteStateSerializer INSTANCE = new QuoteStateSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(QuoteState v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Wire.writeDecimal(v.lastPrice(), out);
        Wire.writeDecimal(v.bestBid(), out);
        Wire.writeDecimal(v.bestAsk(), out);
        Wire.writeInstant(v.quoteTs(), out);
    }

    @Override
    public QuoteState deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "QuoteState");
        return new QuoteState(Wire.readDecimal(in), Wire.readDecimal(in), Wire.readDecimal(in), Wire.readInstant(in));
    }

    @Override
    public TypeSerializerSnapshot<QuoteState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<QuoteState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
