package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.InputCause;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

class RejectedInputCountersTest {

    @Test
    void countsEveryRejectionInTheTotalAndUnderItsCauseInLowerCase() {
        MetricListener metrics = new MetricListener();
        RejectedInputCounters counters = new RejectedInputCounters(metrics.getMetricGroup());

        counters.count(InputCause.NEGATIVE_SIZE);
        counters.count(InputCause.UNPARSEABLE_JSON);
        counters.count(InputCause.NEGATIVE_SIZE);

        assertThat(metrics.getCounter("rejectedInput")).get().extracting(Counter::getCount).isEqualTo(3L);
        assertThat(metrics.getCounter("cause", "negative_size", "rejectedInput")).get()
                .extracting(Counter::getCount).isEqualTo(2L);
        assertThat(metrics.getCounter("cause", "unparseable_json", "rejectedInput")).get()
                .extracting(Counter::getCount).isEqualTo(1L);
        assertThat(metrics.getCounter("cause", "missing_field", "rejectedInput")).isEmpty();
    }
}
