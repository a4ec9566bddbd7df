package io.riskguard.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.support.JobTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riskguard replay} as a user runs it: files in, files out, exit status, messages. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void writesTheScenarioActionsDeadLettersAndASummaryAndExitsZero() throws Exception {
        Path scenario = JobTestSupport.testdata().resolve("scenarios/rule-004-unknown-root-warning");
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, Files.readString(scenario.resolve("events.jsonl")) + "not json\n");
        Path actions = dir.resolve("out.jsonl");
        Path deadLetters = dir.resolve("dead.jsonl");

        int status = RiskguardCli.execute("replay", "--config", scenario.resolve("config.yaml").toString(),
                "--events", events.toString(), "--out", actions.toString(), "--dead-letters", deadLetters.toString(),
                "--parallelism", "2");

        assertThat(status).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(actions)).containsExactlyElementsOf(
                Files.readAllLines(scenario.resolve("expected.jsonl")).stream().filter(l -> !l.isBlank()).toList());
        assertThat(Files.readString(deadLetters))
                .contains("{\"kind\":\"warning\",\"reason\":\"no instruments entry for root MGC")
                .contains("{\"kind\":\"rejected\",\"reason\":\"unparseable JSON\",\"raw\":\"not json\"}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("lines read", "dead letters (rejected)",
                "CLOSE_POSITION", "RULE-004", "locked accounts at the end");
    }

    @Test
    void rejectsABadConfigWithOneLineNamingFileKeyValueAndExitsTwo() throws Exception {
        Path config = dir.resolve("risk.yaml");
        Files.writeString(config, "version: 7\nrules:\n  trade_frequency_limit: { per_minute: -3 }\n");
        Path events = Files.writeString(dir.resolve("e.jsonl"), "");

        int status = RiskguardCli.execute("replay", "--config", config.toString(), "--events", events.toString(),
                "--out", dir.resolve("o.jsonl").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("riskguard: invalid config " + config
                + ": rules.trade_frequency_limit.per_minute: -3: must be an integer >= 1");
    }

    @Test
    void rejectsAMissingEventsFileAndABadUntilWithoutAStackTrace() throws Exception {
        String config = JobTestSupport.testdata().resolve("config/default.yaml").toString();

        int missing = RiskguardCli.execute("replay", "--config", config, "--events", dir.resolve("none.jsonl").toString(),
                "--out", dir.resolve("o.jsonl").toString());
        int badUntil = RiskguardCli.execute("replay", "--config", config, "--events",
                Files.writeString(dir.resolve("e.jsonl"), "").toString(), "--out", dir.resolve("o.jsonl").toString(),
                "--until", "tomorrow");

        assertThat(missing).isEqualTo(2);
        assertThat(badUntil).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read events file")
                .contains("riskguard: invalid --until tomorrow: must be an ISO-8601 UTC instant")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void rejectsMissingRequiredOptionsWithUsageAndExitsTwo() {
        int status = RiskguardCli.execute("replay", "--config", "x.yaml");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("riskguard: Missing required options");
    }

    @Test
    void endsEventTimeAtUntilSoLaterTimersDoNotFire() throws Exception {
        Path scenario = JobTestSupport.testdata().resolve("scenarios/rule-013-equality-lock-reset");
        Path actions = dir.resolve("out.jsonl");

        int status = RiskguardCli.execute("replay", "--config", scenario.resolve("config.yaml").toString(),
                "--events", scenario.resolve("events.jsonl").toString(), "--out", actions.toString(),
                "--until", "2026-03-02T22:59:59Z");

        assertThat(status).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(actions)).contains("\"kind\":\"LOCK\"").doesNotContain("\"kind\":\"UNLOCK\"");
    }
}
