package io.riskguard.job.cli;

import io.riskguard.job.replay.ReplayFiles;
import io.riskguard.job.replay.ReplayRunner;
import io.riskguard.job.replay.ReplaySummary;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskguard replay}: the real job on a local MiniCluster over bounded files (CONTRACT.md §4). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay event files through the job; write the actions in file order.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "risk config (YAML)")
    Path config;

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "events file (JSON lines); repeat to merge several files by ts")
    List<Path> events;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "actions file to write")
    Path out;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "dead-letter file to write")
    Path deadLetters;

    @Option(names = "--until", paramLabel = "INSTANT", description = "end of event time (default: the last event)")
    String until;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1", description = "job parallelism")
    int parallelism;

    @Option(names = "--gateway-url", paramLabel = "URL", description = "broker gateway to send actions to")
    String gatewayUrl;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "PostgreSQL to record actions in")
    String jdbcUrl;

    @Override
    public Integer call() throws Exception {
        String yaml = Inputs.configYaml(config);
        Inputs.readable(events, "events");
        Inputs.positive(parallelism, "--parallelism");
        var untilInstant = Inputs.instant(until, "--until");
        GatewaySettings gateway = gatewayUrl == null ? null : Inputs.gateway(gatewayUrl, jdbcUrl);
        JdbcSettings database = jdbcUrl == null ? null : Inputs.database(jdbcUrl);
        ReplayRunner.Outcome outcome = ReplayRunner.run(new ReplayRunner.Request(yaml, config.toString(),
                List.copyOf(events), untilInstant, parallelism, true, gateway, database));
        ReplayFiles.writeActions(out, outcome.actions());
        if (deadLetters != null) {
            ReplayFiles.writeDeadLetters(deadLetters, outcome.deadLetters());
        }
        ReplaySummary.print(System.out, outcome.linesRead(), outcome.actions(), outcome.deadLetters(),
                outcome.horizon());
        return RiskguardCli.DONE;
    }
}
