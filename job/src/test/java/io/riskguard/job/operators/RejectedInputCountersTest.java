package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.riskguard.contract.InputCause;
import org.junit.jupiter.api.Test;

class RejectedInputCountersTest {

    @Test
    void countsEveryRejectionInTheTotalAndUnderItsCauseInLowerCase() {
        RecordingMetricGroup group = new RecordingMetricGroup();
        RejectedInputCounters counters = new RejectedInputCounters(group);

        counters.count(InputCause.NEGATIVE_SIZE);
        counters.count(InputCause.UNPARSEABLE_JSON);
        counters.count(InputCause.NEGATIVE_SIZE);

        assertThat(group.counts()).containsOnly(
                entry("rejectedInput", 3L),
                entry("cause.negative_size.rejectedInput", 2L),
                entry("cause.unparseable_json.rejectedInput", 1L));
    }
}
