package io.riskguard.job.cli;

import io.riskguard.job.generate.MarketSimulator;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskguard generate-day}: writes a simulated trading day (the bundled one is testdata/days/). */
@Command(name = "generate-day", mixinStandardHelpOptions = true,
        description = "Write a deterministic simulated trading day of events (JSON lines), in ts order.")
final class GenerateDayCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--date", defaultValue = "2026-03-02", description = "trading date (default ${DEFAULT-VALUE})")
    LocalDate date;

    @Option(names = "--accounts", defaultValue = "25", description = "number of accounts (default ${DEFAULT-VALUE})")
    int accounts;

    @Option(names = "--first-account", defaultValue = "10001")
    long firstAccount;

    @Option(names = "--quotes-per-second", defaultValue = "0.5", description = "over all contracts")
    double quotesPerSecond;

    @Option(names = "--entries-per-hour", defaultValue = "4", description = "per normal account")
    double entriesPerHour;

    @Option(names = "--from", defaultValue = "08:30", description = "local start (America/Chicago)")
    LocalTime from;

    @Option(names = "--to", defaultValue = "15:05", description = "local end (America/Chicago)")
    LocalTime to;

    @Option(names = "--seed", defaultValue = "20260302")
    long seed;

    @Override
    public Integer call() throws Exception {
        Inputs.positive(accounts, "--accounts");
        ZoneId chicago = ZoneId.of("America/Chicago");
        MarketSimulator.Settings settings = new MarketSimulator.Settings(accounts, firstAccount,
                ZonedDateTime.of(date, from, chicago).toInstant(), ZonedDateTime.of(date, to, chicago).toInstant(),
                quotesPerSecond, entriesPerHour, seed);
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Iterator<String> lines = new MarketSimulator(settings).jsonLines(); lines.hasNext(); n++) {
                w.write(lines.next());
                w.write('\n');
            }
        }
        System.out.printf("wrote %,d events to %s%n", n, out);
        return RiskguardCli.DONE;
    }
}
