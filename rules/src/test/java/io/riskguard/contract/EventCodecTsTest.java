package io.riskguard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTsTest {

    @Test
    void decodesTheUsualShapeExactlyAsInstantParseDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            String whole = Instant.ofEpochSecond(second).toString();
            int digits = random.nextInt(10);
            StringBuilder text = new StringBuilder(whole.substring(0, 19));
            if (digits > 0) {
                text.append('.');
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String ts = text.append('Z').toString();

            assertThat(UtcInstants.parseCommonShape(ts)).as(ts).isEqualTo(Instant.parse(ts));
            assertThat(UtcInstants.parse(ts)).as(ts).isEqualTo(Instant.parse(ts));
        }
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"2024-02-29T12:00:00Z", "2026-02-29T12:00:00Z", "1900-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-03-02T23:59:60Z", "2026-03-02T24:00:00Z",
            "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-03-02T14:31:05.Z", "2026-03-02T14:31:05.1234567890Z",
            "+12026-03-02T14:31:05Z", "-0001-03-02T14:31:05Z", "2026-03-02T14:31:5Z", "2026-03-02T14:31:05,5Z",
            "2026-03-02T14:31Z", "2026-03-02T14:31:05.250+01:00", "2026-03-02T14:31:05.250z", "Z", ""})
    void agreesWithInstantParseOnUnusualText(String text) {
        Instant expected;
        try {
            expected = text.endsWith("Z") ? Instant.parse(text) : null;
        } catch (DateTimeException e) {
            expected = null;
        }

        assertThat(UtcInstants.parse(text)).isEqualTo(expected);
    }
}
