package io.riskguard.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.support.JobTestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code riskguard local --via-bridge} and {@code embedded-kafka} refuse bad options with one line, before starting anything. */
class LocalCommandTest {

    private final StringWriter err = new StringWriter();
    private final String config = JobTestSupport.testdata().resolve("config/default.yaml").toString();

    @Test
    void aBridgedRunWithoutAccountsIsRefused() {
        int status = riskguard("local", "--config", config, "--via-bridge", "--accounts", "0");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).isEqualTo("riskguard: invalid --accounts 0: must be an integer >= 1"
                + System.lineSeparator());
    }

    @Test
    void accountsWithoutTheBridgeAreRefused() {
        int status = riskguard("local", "--config", config, "--generate", "accounts=5,rate=10", "--accounts", "5");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).startsWith("riskguard: --accounts goes with --via-bridge");
    }

    @Test
    void theBridgeAndAnEventsFileAreMutuallyExclusive() {
        int status = riskguard("local", "--config", config, "--via-bridge", "--events", "day.jsonl");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).contains("mutually exclusive").contains("--via-bridge").contains("--events");
    }

    @Test
    void anEmbeddedKafkaPortOutOfRangeIsRefused() {
        int status = riskguard("embedded-kafka", "--port", "70000");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).isEqualTo("riskguard: invalid --port 70000: must be 0..65535"
                + System.lineSeparator());
    }

    private int riskguard(String... args) {
        return RiskguardCli.execute(new PrintWriter(err, true), args);
    }
}
