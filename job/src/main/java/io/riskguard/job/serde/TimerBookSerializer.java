package io.riskguard.job.serde;

import io.riskguard.state.TimerBook;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link TimerBook}: the account's registered wake-ups. */
public final class TimerBookSerializer extends ImmutableSerializer<TimerBook> {

    private static final long serialVersionUID = 1L;
    public static final TimerBookSerializer INSTANCE = new TimerBookSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(TimerBook v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeInt(v.scheduled().size());
        for (Instant t : Wire.sorted(v.scheduled())) {
            Wire.writeInstant(t, out);
        }
    }

    @Override
    public TimerBook deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "TimerBook");
        int n = in.readInt();
        Set<Instant> scheduled = new HashSet<>();
        for (int i = 0; i < n; i++) {
            scheduled.add(Wire.readInstant(in));
        }
        return new TimerBook(scheduled);
    }

    @Override
    public TypeSerializerSnapshot<TimerBook> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TimerBook> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
