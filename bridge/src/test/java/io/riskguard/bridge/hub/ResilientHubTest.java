package io.riskguard.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResilientHubTest {

    @Test
    void aMessageQuotingTheHubAddressNeverShowsTheToken() {
        assertThat(ResilientHub.withoutToken("connect to wss://rtc.example/hubs/user?access_token=eyJ.abc-_x&x=1 failed"))
                .isEqualTo("connect to wss://rtc.example/hubs/user?access_token=***&x=1 failed");
        assertThat(ResilientHub.withoutToken("wss://rtc.example/hubs/market?access_token=eyJ.abc refused"))
                .isEqualTo("wss://rtc.example/hubs/market?access_token=*** refused");
    }
}
