package io.riskguard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeadLetterJsonTest {

    @Test
    void writesARejectedLineWithTheRawLineAsAnEscapedString() {
        String raw = "{\"type\":\"trade\",\"accountId\":1001}";

        assertThat(DeadLetterJson.toJson(DeadLetter.rejected(InputCause.MISSING_FIELD, "missing required field ts", raw))).isEqualTo(
                "{\"kind\":\"rejected\",\"reason\":\"missing required field ts\","
                + "\"raw\":\"{\\\"type\\\":\\\"trade\\\",\\\"accountId\\\":1001}\"}");
    }

    @Test
    void writesTheRulesExampleWarning() {
        DeadLetter warning = DeadLetter.warning(InputCause.NO_INSTRUMENT_ENTRY,
                "no instruments entry for root ZB; RULE-004/005/012 skip CON.F.US.ZB.M26", "{\"type\":\"position\"}");

        assertThat(DeadLetterJson.toJson(warning)).isEqualTo("{\"kind\":\"warning\","
                + "\"reason\":\"no instruments entry for root ZB; RULE-004/005/012 skip CON.F.US.ZB.M26\","
                + "\"raw\":\"{\\\"type\\\":\\\"position\\\"}\"}");
    }

    @Test
    void escapesControlCharactersAndBackslashesInTheRawLine() {
        DeadLetter letter = DeadLetter.rejected(InputCause.UNPARSEABLE_JSON, "unparseable JSON", "a\\b\tc\u0000d\r\n");

        assertThat(DeadLetterJson.toJson(letter))
                .isEqualTo("{\"kind\":\"rejected\",\"reason\":\"unparseable JSON\",\"raw\":\"a\\\\b\\tc\\u0000d\\r\\n\"}");
    }

    @Test
    void readsBackWhatItWrites() {
        for (DeadLetter letter : new DeadLetter[] {
                DeadLetter.rejected(InputCause.UNKNOWN, "unknown type \"foo\"",
                        "{\"type\":\"foo\",\"name\":\"Zoë 😀\"}\t"),
                DeadLetter.warning(InputCause.UNKNOWN, "a warning", ""),
                DeadLetter.rejected(InputCause.UNKNOWN, "unparseable JSON", "{\"type\":\u0001")}) {
            assertThat(DeadLetterJson.fromJson(DeadLetterJson.toJson(letter))).isEqualTo(letter);
        }
    }

    @Test
    void leavesTheCauseOutOfTheLineSoItReadsBackAsUnknown() {
        DeadLetter typed = DeadLetter.rejected(InputCause.NEGATIVE_SIZE, "negative size -1 in data.size", "{}");
        DeadLetter other = DeadLetter.rejected(InputCause.WRONG_JSON_TYPE, "negative size -1 in data.size", "{}");

        assertThat(DeadLetterJson.toJson(typed)).isEqualTo(DeadLetterJson.toJson(other)).doesNotContain("cause");
        assertThat(DeadLetterJson.fromJson(DeadLetterJson.toJson(typed)).cause()).isEqualTo(InputCause.UNKNOWN);
    }

    @Test
    void refusesToReadMalformedDeadLetters() {
        assertThatThrownBy(() -> DeadLetterJson.fromJson("{\"kind\":\"fatal\",\"reason\":\"r\",\"raw\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown kind \"fatal\"");
        assertThatThrownBy(() -> DeadLetterJson.fromJson("{\"kind\":\"warning\",\"reason\":\"r\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing required field raw");
        assertThatThrownBy(() -> DeadLetterJson.fromJson(
                "{\"kind\":\"warning\",\"reason\":\"r\",\"raw\":\"x\",\"count\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected field \"count\"");
        assertThatThrownBy(() -> DeadLetterJson.fromJson("{\"kind\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unparseable");
    }
}
