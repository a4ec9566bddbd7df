package io.riskguard.bridge;

import static io.riskguard.bridge.EnvelopesTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskguard.sinks.gateway.hub.HubRecords;
import org.junit.jupiter.api.Test;

/** The three shapes users of the hubs see: bare, a list, and {action, data}. */
class PayloadsTest {

    private static final String TRADE = "{\"id\":1,\"accountId\":7}";

    @Test
    void aBarePayloadIsItself() throws Exception {
        assertThat(Payloads.of(json(TRADE))).containsExactly(json(TRADE));
    }

    @Test
    void aListYieldsEachPayloadInOrder() throws Exception {
        assertThat(Payloads.of(HubRecords.JSON.readTree("[" + TRADE + ",{\"id\":2,\"accountId\":7}]")))
                .containsExactly(json(TRADE), json("{\"id\":2,\"accountId\":7}"));
    }

    @Test
    void aWrappedPayloadYieldsItsData() throws Exception {
        assertThat(Payloads.of(json("{\"action\":1,\"data\":" + TRADE + "}"))).containsExactly(json(TRADE));
    }

    @Test
    void aListOfWrappedPayloadsAndAWrappedListAreUnwrapped() throws Exception {
        assertThat(Payloads.of(HubRecords.JSON.readTree("[{\"action\":0,\"data\":" + TRADE + "}]")))
                .containsExactly(json(TRADE));
        assertThat(Payloads.of(json("{\"action\":0,\"data\":[" + TRADE + "]}"))).containsExactly(json(TRADE));
    }

    @Test
    void aPayloadWithMoreFieldsThanActionAndDataIsNotAWrapper() throws Exception {
        String payload = "{\"action\":1,\"data\":{},\"id\":3}";
        assertThat(Payloads.of(json(payload))).containsExactly(json(payload));
    }

    @Test
    void somethingThatIsNotAnObjectIsRefusedWithWhatItWas() {
        assertThatThrownBy(() -> Payloads.of(HubRecords.JSON.readTree("42")))
                .hasMessage("payload must be a JSON object, was NUMBER");
        assertThatThrownBy(() -> Payloads.of(HubRecords.JSON.readTree("[\"x\"]")))
                .hasMessage("payload must be a JSON object, was STRING");
        assertThatThrownBy(() -> Payloads.of(json("{\"action\":1,\"data\":null}"))).hasMessage("payload missing");
    }
}
