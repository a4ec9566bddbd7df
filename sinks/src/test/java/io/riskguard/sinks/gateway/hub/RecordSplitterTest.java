package io.riskguard.sinks.gateway.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordSplitterTest {

    private final RecordSplitter splitter = new RecordSplitter();

    @Test
    void oneMessageMayCarrySeveralRecords() {
        assertThat(splitter.feed("{}\u001e{\"type\":6}\u001e")).containsExactly("{}", "{\"type\":6}");
    }

    @Test
    void aRecordSplitAcrossMessagesIsReassembled() {
        assertThat(splitter.feed("{\"type\":1,\"tar")).isEmpty();
        assertThat(splitter.feed("get\":\"X\"}\u001e{\"ty")).containsExactly("{\"type\":1,\"target\":\"X\"}");
        assertThat(splitter.feed("pe\":6}\u001e")).containsExactly("{\"type\":6}");
    }
}
