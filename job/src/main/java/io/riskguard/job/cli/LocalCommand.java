package io.riskguard.job.cli;

import io.riskguard.job.local.BridgedLocalRun;
import io.riskguard.job.local.LocalRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskguard local}: one command, zero setup, the web UI on localhost. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the job on an in-process Flink cluster with the web UI, on a recorded day, a generator, or "
                + "the production path through the bridge (--via-bridge).")
final class LocalCommand implements Callable<Integer> {

    static final String DEFAULT_CONFIG = "testdata/config/default.yaml";
    static final String DEFAULT_DAY = "testdata/days/2026-03-02.jsonl";
    static final int DEFAULT_BRIDGED_ACCOUNTS = 20;

    @Option(names = "--config", paramLabel = "FILE", description = "risk config (default: " + DEFAULT_CONFIG + ")")
    Path config;

    @ArgGroup(exclusive = true)
    Input input;

    static final class Input {
        @Option(names = "--events", paramLabel = "FILE", description = "events to replay (default: " + DEFAULT_DAY + ")")
        Path events;

        @Option(names = "--generate", paramLabel = "accounts=N,rate=R[,seed=S]",
                description = "an endless simulated market instead of a file")
        String generate;

        @Option(names = "--via-bridge", description = "the production path on this machine: the broker gateway "
                + "simulator with a scripted market and trader, the bridge from its hubs to an in-process Kafka, "
                + "and the production job (run) reading Kafka and enforcing through the simulator")
        boolean viaBridge;
    }

    @Option(names = "--accounts", paramLabel = "N",
            description = "accounts of the simulator with --via-bridge (default: " + DEFAULT_BRIDGED_ACCOUNTS + ")")
    Integer accounts;

    @Option(names = "--speed", defaultValue = "60", description = "event time per real time for --events (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--port", defaultValue = "8081", description = "web UI port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("riskguard.home", "."));
        Path configFile = config != null ? config : home.resolve(DEFAULT_CONFIG);
        String yaml = Inputs.configYaml(configFile);
        Inputs.positive(parallelism, "--parallelism");
        boolean viaBridge = input != null && input.viaBridge;
        if (accounts != null && !viaBridge) {
            throw new UsageException("riskguard: --accounts goes with --via-bridge (with --generate: accounts=N)");
        }
        if (viaBridge) {
            int n = accounts != null ? accounts : DEFAULT_BRIDGED_ACCOUNTS;
            Inputs.positive(n, "--accounts");
            BridgedLocalRun.run(BridgedLocalRun.Request.of(yaml, configFile.toString(),
                    Inputs.config(configFile).version(), n, port, parallelism));
            return RiskguardCli.DONE;
        }
        List<Path> events = null;
        int generatedAccounts = 0;
        double rate = 0;
        long seed = 1;
        if (input != null && input.generate != null) {
            Map<String, String> g = keyValues(input.generate);
            generatedAccounts = intValue(g, "accounts", 100);
            rate = intValue(g, "rate", 1000);
            seed = intValue(g, "seed", 1);
        } else {
            events = List.of(input != null && input.events != null ? input.events : home.resolve(DEFAULT_DAY));
            Inputs.readable(events, "events");
        }
        LocalRunner.run(new LocalRunner.Request(yaml, configFile.toString(), events, speed, generatedAccounts, rate, seed,
                port, parallelism));
        return RiskguardCli.DONE;
    }

    private static Map<String, String> keyValues(String spec) {
        Map<String, String> values = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || !List.of("accounts", "rate", "seed").contains(kv[0].trim())) {
                throw new UsageException("riskguard: invalid --generate " + spec
                        + ": must be accounts=N,rate=R[,seed=S]");
            }
            values.put(kv[0].trim(), kv[1].trim());
        }
        return values;
    }

    private static int intValue(Map<String, String> g, String key, int defaultValue) {
        String v = g.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("riskguard: invalid --generate " + key + "=" + v + ": must be an integer >= 1");
    }
}
