package io.riskguard.job.serde;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Compact binary encodings of the value types our serializers share. All nullable unless named otherwise. */
public final class Wire {

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte BIG = 2;

    private Wire() {}

    public static void writeString(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out);
    }

    public static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    public static void writeInstant(Instant t, DataOutputView out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    public static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** Scale and unscaled value; exact, so scale survives ({@code -500.00} stays {@code -500.00}). */
    public static void writeDecimal(BigDecimal d, DataOutputView out) throws IOException {
        if (d == null) {
            out.writeByte(NULL);
            return;
        }
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(LONG);
            out.writeInt(d.scale());
            out.writeLong(unscaled.longValue());
        } else {
            byte[] bytes = unscaled.toByteArray();
            out.writeByte(BIG);
            out.writeInt(d.scale());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public static BigDecimal readDecimal(DataInputView in) throws IOException {
        byte kind = in.readByte();
        if (kind == NULL) {
            return null;
        }
        int scale = in.readInt();
        if (kind == LONG) {
            return BigDecimal.valueOf(in.readLong(), scale);
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }

    public static void writeLongObj(Long v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    public static Long readLongObj(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    public static void writeBooleanObj(Boolean v, DataOutputView out) throws IOException {
        out.writeByte(v == null ? 0 : v ? 1 : 2);
    }

    public static Boolean readBooleanObj(DataInputView in) throws IOException {
        byte b = in.readByte();
        return b == 0 ? null : b == 1;
    }

    /** The map's entries in key order (state bytes must not depend on hash order); no copy for 0 or 1 entries. */
    public static <K extends Comparable<K>, V> Iterable<Map.Entry<K, V>> sorted(Map<K, V> m) {
        return m.size() <= 1 || m instanceof SortedMap<K, V> ? m.entrySet() : new TreeMap<>(m).entrySet();
    }

    /** The set's elements in order; no copy for 0 or 1 elements. */
    public static <T extends Comparable<T>> Iterable<T> sorted(Set<T> s) {
        return s.size() <= 1 || s instanceof SortedSet<T> ? s : new TreeSet<>(s);
    }

    /** Every persisted value starts with its format version, so a later release can still read it. */
    public static void checkVersion(DataInputView in, int supported, String type) throws IOException {
        readVersion(in, supported, type);
    }

    /** The value's format version, for readers that handle older formats. */
    public static int readVersion(DataInputView in, int supported, String type) throws IOException {
        int version = in.readUnsignedByte();
        if (version > supported) {
            throw new IOException(type + " format version " + version + " is newer than this release reads ("
                    + supported + ")");
        }
        return version;
    }
}
