package io.riskguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BridgeMetricsTest {

    private final BridgeMetrics metrics = new BridgeMetrics();

    @Test
    void countersAreExposedInThePrometheusTextFormatWithTheirLabels() {
        metrics.add(BridgeMetrics.Counter.DEAD_LETTERS, DeadLetterCause.BAD_PAYLOAD.label());
        metrics.add(BridgeMetrics.Counter.DEAD_LETTERS, DeadLetterCause.BAD_PAYLOAD.label());
        metrics.add(BridgeMetrics.Counter.DEAD_LETTERS, DeadLetterCause.UNREADABLE_RECORD.label());
        metrics.add(BridgeMetrics.Counter.RESYNCS);

        assertThat(metrics.prometheusText())
                .contains("# TYPE riskguard_bridge_dead_letters_total counter\n"
                        + "riskguard_bridge_dead_letters_total{cause=\"bad_payload\"} 2\n"
                        + "riskguard_bridge_dead_letters_total{cause=\"unreadable_record\"} 1\n")
                .contains("riskguard_bridge_resyncs_total 1\n")
                .contains("riskguard_bridge_produce_failures_total 0\n");
        assertThat(metrics.get(BridgeMetrics.Counter.DEAD_LETTERS)).isEqualTo(3);
        assertThat(metrics.snapshot()).containsEntry("dead_letters{cause=bad_payload}", 2L)
                .containsEntry("resyncs", 1L).hasSize(3);
    }

    @Test
    void theEndpointServesTheTextOnMetricsAndNothingElse() throws Exception {
        metrics.add(BridgeMetrics.Counter.PRODUCED, "trade");
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, metrics::prometheusText)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + endpoint.port());

            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(ok.body()).contains("riskguard_bridge_produced_total{type=\"trade\"} 1\n");
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }
}
