package io.riskguard.job.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.serde.GoldenFixtures.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes of every persisted format: the checked-in fixtures under
 * {@code src/test/resources/golden/<Serializer>-v<version>.bin} (values in {@link GoldenFixtures}).
 * A fixture of a serializer's current format must both read back as its values and be exactly what
 * the serializer writes today, so a format change without a version bump fails; a fixture of an older
 * format only has to read back, as a savepoint of the release that wrote it must.
 *
 * <p>To change a format: bump the serializer's version and keep reading the old one; turn the old
 * fixture into an {@code older} one (its file stays) and add a {@code current} one for the new
 * version. A nested serializer's bump changes the bytes of the values that embed it (AccountValues
 * embeds six): bump those too. Then write the new fixtures, once:
 *
 * <pre>
 * mvn -B -ntp -o -pl job test-compile surefire:test -Dtest=GoldenBytesTest -Dgolden.write=true
 * </pre>
 *
 * which writes only fixtures that have no file yet: a checked-in fixture stands for savepoints that
 * exist, so it is never regenerated.
 */
class GoldenBytesTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<Fixture<?>> fixtures() {
        return GoldenFixtures.all();
    }

    static Stream<Fixture<?>> currentFixtures() {
        return fixtures().stream().filter(Fixture::current);
    }

    @ParameterizedTest(name = "the checked-in {0} reads back as its representative values")
    @MethodSource("fixtures")
    <T> void theCheckedInBytesReadBackAsTheRepresentativeValues(Fixture<T> f) throws IOException {
        byte[] golden = golden(f);
        assertThat(golden[0]).as("%s starts with its format version", f).isEqualTo((byte) f.version());

        DataInputDeserializer in = new DataInputDeserializer(golden);
        List<T> read = new ArrayList<>();
        while (in.available() > 0) {
            read.add(f.serializer().deserialize(in));
        }
        assertThat(read).as("values read from %s", f).isEqualTo(f.values());
    }

    @ParameterizedTest(name = "{0} is byte for byte what its serializer writes today")
    @MethodSource("currentFixtures")
    <T> void theSerializerWritesExactlyTheCheckedInBytes(Fixture<T> f) throws IOException {
        byte[] golden = golden(f);
        byte[] written = write(f);

        assertThat(HEX.formatHex(written))
                .as("%s: bytes differ from offset %d; a format change needs a version bump (see GoldenBytesTest)",
                        f, firstDifference(written, golden))
                .isEqualTo(HEX.formatHex(golden));
    }

    @Test
    void everySerializerInTheSerdePackageHasAFixtureOfItsCurrentFormat() throws Exception {
        Set<String> serializers = new TreeSet<>();
        try (Stream<Path> files = Files.list(classesDir(AccountValuesSerializer.class).resolve("io/riskguard/job/serde"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Serializer.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.equals("ImmutableSerializer"))
                    .forEach(serializers::add);
        }
        Set<String> covered = new TreeSet<>();
        currentFixtures().forEach(f -> covered.add(f.serializerName()));

        assertThat(covered).isEqualTo(serializers);
    }

    @Test
    void everyCheckedInFixtureIsChecked() throws Exception {
        Set<String> checkedIn = new TreeSet<>();
        try (Stream<Path> files = Files.list(sourceDir())) {
            files.map(p -> p.getFileName().toString()).forEach(checkedIn::add);
        }
        Set<String> listed = new TreeSet<>();
        fixtures().forEach(f -> listed.add(f.file()));

        assertThat(listed).isEqualTo(checkedIn);
    }

    /** The generator: {@code -Dgolden.write=true} writes the fixtures that have no file yet. */
    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void writesTheFixturesThatHaveNoFileYet() throws IOException {
        Path dir = Files.createDirectories(sourceDir());
        for (Fixture<?> f : fixtures()) {
            Path file = dir.resolve(f.file());
            if (Files.exists(file)) {
                continue;
            }
            assertThat(f.current() || f.layout() != null).as("%s: an older format nothing can write", f).isTrue();
            Files.write(file, write(f));
            System.out.println("wrote " + file);
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------

    static <T> byte[] write(Fixture<T> f) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        if (f.current()) {
            for (T v : f.values()) {
                f.serializer().serialize(v, out);
            }
        } else {
            f.layout().write(out);
        }
        return out.getCopyOfBuffer();
    }

    static byte[] golden(Fixture<?> f) throws IOException {
        try (InputStream in = GoldenBytesTest.class.getResourceAsStream("/golden/" + f.file())) {
            assertThat(in).as("fixture %s (write it with -Dgolden.write=true, see GoldenBytesTest)", f).isNotNull();
            return in.readAllBytes();
        }
    }

    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    static Path classesDir(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** {@code job/src/test/resources/golden}, found from {@code job/target/test-classes}. */
    static Path sourceDir() throws IOException {
        return classesDir(GoldenBytesTest.class).resolve("../../src/test/resources/golden").normalize();
    }
}
