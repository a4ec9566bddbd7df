package io.riskguard.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code riskguard bridge} refuses bad options at start with one line naming the option, the value and what is allowed. */
class BridgeCommandTest {

    private final StringWriter err = new StringWriter();

    @Test
    void anAccountListWithSomethingThatIsNotAnIdIsRefused() {
        int status = bridge("--accounts", "1001,abc");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).isEqualTo("riskguard: invalid --accounts 1001,abc: \"abc\" is not an account id; "
                + "must be all or positive integers separated by commas" + System.lineSeparator());
    }

    @Test
    void aContractListWithSomethingThatIsNotAContractIdIsRefused() {
        int status = bridge("--contracts", "MNQ");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).startsWith("riskguard: invalid --contracts MNQ: \"MNQ\" is not a contract id");
    }

    @Test
    void aHubUrlThatIsNotAUrlIsRefused() {
        int status = RiskguardCli.execute(new PrintWriter(err, true), "bridge", "--gateway-url", "http://127.0.0.1:1",
                "--hub-url", "rtc.topstepx.com", "--bootstrap-servers", "127.0.0.1:9");

        assertThat(status).isEqualTo(RiskguardCli.USAGE);
        assertThat(err.toString()).startsWith("riskguard: invalid --hub-url rtc.topstepx.com: must be a URL like");
    }

    private int bridge(String... more) {
        String[] args = new String[8 + more.length];
        System.arraycopy(new String[] {"bridge", "--gateway-url", "http://127.0.0.1:1", "--hub-url",
                "http://127.0.0.1:2", "--bootstrap-servers", "127.0.0.1:9", "--quote-silence-seconds=30"}, 0, args, 0, 8);
        System.arraycopy(more, 0, args, 8, more.length);
        return RiskguardCli.execute(new PrintWriter(err, true), args);
    }
}
