package io.riskguard.job.serde;

import io.riskguard.job.model.AccountValues;
import io.riskguard.market.QuietBand;
import io.riskguard.state.Holding;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link AccountValues}: the account's small values in one record. Each of the six values keeps the
 * format of its own serializer (the bytes its separate state had in the previous release, version
 * byte included), so each can evolve on its own; the holdings and the keys of positions and orders
 * follow, then the account's live event time.
 */
public final class AccountValuesSerializer extends ImmutableSerializer<AccountValues> {

    private static final long serialVersionUID = 1L;
    public static final AccountValuesSerializer INSTANCE = new AccountValuesSerializer();
    /** 2: a holding's band without the staleness cutoff version 1 kept (it lives in memory now). */
    private static final int VERSION = 2;

    @Override
    public void serialize(AccountValues v, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        DayFiguresSerializer.INSTANCE.serialize(v.day(), out);
        LockBookSerializer.INSTANCE.serialize(v.locks(), out);
        PendingBookSerializer.INSTANCE.serialize(v.pending(), out);
        AccountFlagsSerializer.INSTANCE.serialize(v.flags(), out);
        IdCursorSerializer.INSTANCE.serialize(v.idCursor(), out);
        TimerBookSerializer.INSTANCE.serialize(v.timers(), out);
        out.writeInt(v.holdings().size());
        for (Map.Entry<String, Holding> e : v.holdings().entrySet()) {
            Holding h = e.getValue();
            Wire.writeString(e.getKey(), out);
            out.writeDouble(h.band().low());
            out.writeDouble(h.band().high());
            Wire.writeInstant(h.band().until(), out);
            out.writeBoolean(h.tracksBest());
            out.writeLong(h.since());
        }
        out.writeInt(v.positionContracts().size());
        for (String c : v.positionContracts()) {
            Wire.writeString(c, out);
        }
        out.writeInt(v.orderIds().size());
        for (long id : v.orderIds()) {
            out.writeLong(id);
        }
        Wire.writeInstant(v.eventTime(), out);
    }

    @Override
    public AccountValues deserialize(DataInputView in) throws IOException {
        int version = Wire.readVersion(in, VERSION, "AccountValues");
        var day = DayFiguresSerializer.INSTANCE.deserialize(in);
        var locks = LockBookSerializer.INSTANCE.deserialize(in);
        var pending = PendingBookSerializer.INSTANCE.deserialize(in);
        var flags = AccountFlagsSerializer.INSTANCE.deserialize(in);
        var idCursor = IdCursorSerializer.INSTANCE.deserialize(in);
        var timers = TimerBookSerializer.INSTANCE.deserialize(in);
        int n = in.readInt();
        Map<String, Holding> holdings = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String contractId = Wire.readString(in);
            QuietBand band = new QuietBand(in.readDouble(), in.readDouble(), Wire.readInstant(in));
            if (version == 1) {
                Wire.readInstant(in); // the cutoff: rebuilt conservatively after a restore, like any other
            }
            holdings.put(contractId, new Holding(band, in.readBoolean(), in.readLong()));
        }
        int positions = in.readInt();
        Set<String> positionContracts = new TreeSet<>();
        for (int i = 0; i < positions; i++) {
            positionContracts.add(Wire.readString(in));
        }
        int orders = in.readInt();
        Set<Long> orderIds = new TreeSet<>();
        for (int i = 0; i < orders; i++) {
            orderIds.add(in.readLong());
        }
        var eventTime = Wire.readInstant(in);
        // read in key order already: wrapped, not copied again
        return new AccountValues(day, locks, pending, flags, idCursor, timers,
                holdings.isEmpty() ? Map.of() : Collections.unmodifiableMap(holdings),
                positionContracts.isEmpty() ? Set.of() : Collections.unmodifiableSet(positionContracts),
                orderIds.isEmpty() ? Set.of() : Collections.unmodifiableSet(orderIds), eventTime);
    }

    @Override
    public TypeSerializerSnapshot<AccountValues> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from savepoints; the data itself carries its format version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccountValues> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
