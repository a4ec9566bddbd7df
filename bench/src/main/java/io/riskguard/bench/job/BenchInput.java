package io.riskguard.bench.job;

import io.riskguard.contract.AccountScopedEvent;
import io.riskguard.contract.Event;
import io.riskguard.contract.EventCodec;
import io.riskguard.contract.PositionEvent;
import io.riskguard.contract.QuoteEvent;
import io.riskguard.contract.RejectedInputException;
import io.riskguard.job.generate.GeneratedEvent;
import io.riskguard.job.generate.MarketSimulator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's input: the first {@code events} lines of a {@link MarketSimulator} day, written
 * once to a file that every job then replays. The simulator's settings are chosen so that quotes
 * are about {@code quoteShare} of the lines: its traders emit a fixed number of events per round
 * trip, so the quote rate follows from the trader event rate.
 */
record BenchInput(Path file, int accounts, long events, double quotesPerSecond, double entriesPerHour,
        Stats stats) {

    static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    static final long FIRST_ACCOUNT = 10_001;
    static final long SEED = 20260302;

    /** What the file holds, and what MarkToMarket will make of it. */
    record Stats(long lines, long quotes, long position, long other, long accountEvents, int accountsTouched,
            Duration simulated, long marks, double meanHoldersPerQuote, int maxHolders) {

        double quoteShare() {
            return (double) quotes / lines;
        }

        /** Triggers of the full fan-out (RULES.md §1.3): one per quote and holder, plus every account event. */
        long accountRiskInputs() {
            return marks + accountEvents;
        }

        /** Records AccountRisk receives at {@code parallelism}: every account event, and every quote on each subtask. */
        long accountRiskRecords(int parallelism) {
            return accountEvents + quotes * parallelism;
        }
    }

    static BenchInput generate(Path file, int accounts, long events, double quotesPerSecond, double entriesPerHour)
            throws IOException {
        MarketSimulator.Settings settings = new MarketSimulator.Settings(accounts, FIRST_ACCOUNT, START,
                START.plus(Duration.ofDays(30)), quotesPerSecond, entriesPerHour, SEED);
        MarketSimulator sim = new MarketSimulator(settings);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long n = 0; n < events && sim.hasNext(); n++) {
                GeneratedEvent g = sim.next();
                w.write(g.toJson());
                w.write('\n');
            }
        }
        return new BenchInput(file, accounts, events, quotesPerSecond, entriesPerHour, analyze(file));
    }

    /** Counts the lines and replays MarkToMarket's holder bookkeeping to count the marks it emits. */
    static Stats analyze(Path file) throws IOException {
        long lines = 0;
        long quotes = 0;
        long position = 0;
        long other = 0;
        long marks = 0;
        long accountEvents = 0;
        int maxHolders = 0;
        BitSet touched = new BitSet();
        Set<Long> touchedFar = new HashSet<>();
        Map<String, Set<Long>> holders = new HashMap<>();
        Instant first = null;
        Instant last = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                Event e;
                try {
                    e = EventCodec.parse(line);
                } catch (RejectedInputException x) {
                    other++;
                    continue;
                }
                first = first == null ? e.ts() : first;
                last = e.ts();
                if (e instanceof QuoteEvent q) {
                    quotes++;
                    Set<Long> h = holders.get(q.contractId());
                    int n = h == null ? 0 : h.size();
                    marks += n;
                    maxHolders = Math.max(maxHolders, n);
                    continue;
                }
                if (!(e instanceof AccountScopedEvent scoped)) {
                    other++;
                    continue;
                }
                long account = scoped.accountId();
                accountEvents++;
                long index = account - FIRST_ACCOUNT;
                if (index >= 0 && index < Integer.MAX_VALUE) {
                    touched.set((int) index);
                } else {
                    touchedFar.add(account);
                }
                if (e instanceof PositionEvent p) {
                    position++;
                    Set<Long> h = holders.computeIfAbsent(p.contractId(), k -> new HashSet<>());
                    if (p.size() > 0) {
                        h.add(account);
                    } else {
                        h.remove(account);
                    }
                } else {
                    other++;
                }
            }
        }
        Duration simulated = first == null ? Duration.ZERO : Duration.between(first, last);
        return new Stats(lines, quotes, position, other, accountEvents, touched.cardinality() + touchedFar.size(),
                simulated, marks,
                quotes == 0 ? 0 : (double) marks / quotes, maxHolders);
    }
}
