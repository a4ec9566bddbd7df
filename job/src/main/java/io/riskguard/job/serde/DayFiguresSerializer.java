package io.riskguard.job.serde;

import io.riskguard.state.DayFigures;
import java.time.LocalDate;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** {@link DayFigures}: one trading day's realized figures. */
public final class DayFiguresSerializer extends ImmutableSerializer<DayFigures> {

    private static final long serialVersionUID = 1L;
    public static final DayFiguresSerializer INSTANCE = new DayFiguresSerializer();
    private static final int VERSION = 1;

    @Override
    public void serialize(DayFigures v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        out.writeBoolean(v.tradingDay() != null);
        if (v.tradingDay() != null) {
            out.writeLong(v.tradingDay().toEpochDay());
        }
        Wire.writeDecimal(v.pnl(), out);
        Wire.writeDecimal(v.fees(), out);
        out.writeBoolean(v.fired003());
        out.writeBoolean(v.fired013());
    }

    @Override
    public DayFigures deserialize(DataInputView in) throws IOException {
        Wire.checkVersion(in, VERSION, "DayFigures");
        LocalDate day = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
        return new DayFigures(day, Wire.readDecimal(in), Wire.readDecimal(in), in.readBoolean(), in.readBoolean());
    }

    @Override
    public TypeSerializerSnapshot<DayFigures> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DayFigures> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
