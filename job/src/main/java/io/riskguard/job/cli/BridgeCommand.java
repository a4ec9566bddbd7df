package io.riskguard.job.cli;

import io.riskguard.bridge.Bridge;
import io.riskguard.bridge.BridgeMetrics;
import io.riskguard.bridge.BridgeSettings;
import io.riskguard.bridge.KafkaEventOutput;
import io.riskguard.bridge.MetricsEndpoint;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.sinks.gateway.GatewayApi;
import io.riskguard.sinks.gateway.GatewayCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard bridge}: the broker's realtime hubs to the job's Kafka topics, until killed.
 * Credentials from RISKGUARD_GATEWAY_USER / RISKGUARD_GATEWAY_API_KEY, as the broker sink's.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "Follow the broker's realtime hubs (SignalR) and write the job's input topics, until killed.")
final class BridgeCommand implements Callable<Integer> {

    @Option(names = "--gateway-url", required = true, paramLabel = "URL",
            description = "the broker's REST API, e.g. https://api.topstepx.com")
    String gatewayUrl;

    @Option(names = "--hub-url", required = true, paramLabel = "URL",
            description = "the broker's realtime server, e.g. https://rtc.topstepx.com (hubs at /hubs/user, /hubs/market)")
    String hubUrl;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]")
    String bootstrapServers;

    @Option(names = "--accounts", defaultValue = "all", paramLabel = "all|ID[,ID...]",
            description = "accounts to follow (default: every account of the user, and any that appears)")
    String accounts;

    @Option(names = "--contracts", defaultValue = "auto", paramLabel = "auto|ID[,ID...]",
            description = "contracts to quote (default: every contract a followed account holds or orders)")
    String contracts;

    @Option(names = "--events-topic", defaultValue = KafkaSettings.EVENTS)
    String eventsTopic;

    @Option(names = "--quotes-topic", defaultValue = KafkaSettings.QUOTES)
    String quotesTopic;

    @Option(names = "--dead-letters-topic", defaultValue = KafkaEventOutput.DEAD_LETTERS_TOPIC,
            description = "hub records the job must not see, with the reason (default ${DEFAULT-VALUE})")
    String deadLettersTopic;

    @Option(names = "--quote-silence-seconds", defaultValue = "60",
            description = "a subscribed contract without a quote this long renews the market connection")
    int quoteSilenceSeconds;

    @Option(names = "--rest-requests-per-minute", defaultValue = "30",
            description = "the bridge's share of the broker's 200 requests per minute (resynchronisation)")
    int restRequestsPerMinute;

    @Option(names = "--metrics-port", defaultValue = "9251",
            description = "Prometheus text on http://HOST:PORT/metrics (default ${DEFAULT-VALUE}; 0: none)")
    int metricsPort;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "Kafka client property (not secrets)")
    List<String> kafkaProperties;

    @Option(names = "--kafka-properties-file", paramLabel = "FILE",
            description = "Kafka client properties, e.g. SASL/TLS settings with their secrets")
    Path kafkaPropertiesFile;

    @Override
    public Integer call() throws Exception {
        URI gateway = Inputs.uri(gatewayUrl, "--gateway-url", "https://api.topstepx.com");
        URI hubs = hubUri(hubUrl);
        Inputs.positive(quoteSilenceSeconds, "--quote-silence-seconds");
        Inputs.positive(restRequestsPerMinute, "--rest-requests-per-minute");
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new UsageException("riskguard: invalid --metrics-port " + metricsPort + ": must be 0..65535 (0: none)");
        }
        BridgeSettings settings = BridgeSettings.defaults(gateway, hubs)
                .withAccounts(accountIds(accounts))
                .withContracts(contractIds(contracts))
                .withQuoteSilenceLimit(Duration.ofSeconds(quoteSilenceSeconds))
                .withRestRequestsPerMinute(restRequestsPerMinute);
        if (!GatewayCredentials.inEnvironment()) {
            throw new UsageException("riskguard: bridge needs " + GatewayCredentials.USER_ENV + " and "
                    + GatewayCredentials.KEY_ENV + " in the environment (or their _FILE variants)");
        }
        BridgeMetrics metrics = new BridgeMetrics();
        KafkaEventOutput out = new KafkaEventOutput(bootstrapServers,
                Inputs.kafkaProperties(kafkaPropertiesFile, kafkaProperties),
                new KafkaEventOutput.Topics(eventsTopic, quotesTopic, deadLettersTopic), metrics);
        GatewayApi api = GatewayApi.connect(gateway, GatewayCredentials.fromEnvironment(),
                settings.restRequestsPerMinute(), Duration.ofSeconds(10));
        Bridge bridge = new Bridge(settings, api, out, metrics);
        MetricsEndpoint endpoint = metricsPort == 0 ? null : MetricsEndpoint.start(metricsPort, bridge::metricsText);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            out.close();
            if (endpoint != null) {
                endpoint.close();
            }
        }, "bridge-shutdown"));
        bridge.start();
        System.out.println("bridge: " + settings.hub("user") + " and " + settings.hub("market") + " -> "
                + eventsTopic + ", " + quotesTopic + " at " + bootstrapServers + " (dead letters: "
                + deadLettersTopic + ")" + (endpoint == null ? "" : "; metrics on http://localhost:" + endpoint.port()
                + "/metrics"));
        new CountDownLatch(1).await();
        return RiskguardCli.DONE;
    }

    private static URI hubUri(String value) {
        Inputs.uri(value.replaceFirst("^ws", "http"), "--hub-url", "https://rtc.topstepx.com");
        return URI.create(value);
    }

    static Set<Long> accountIds(String value) {
        if ("all".equals(value)) {
            return null;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            try {
                long id = Long.parseLong(part.strip());
                if (id < 1) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new UsageException("riskguard: invalid --accounts " + value + ": \"" + part
                        + "\" is not an account id; must be all or positive integers separated by commas");
            }
        }
        return ids;
    }

    static List<String> contractIds(String value) {
        if ("auto".equals(value)) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            String id = part.strip();
            if (id.split("\\.").length < 4) {
                throw new UsageException("riskguard: invalid --contracts " + value + ": \"" + part
                        + "\" is not a contract id like CON.F.US.MNQ.H26; must be auto or contract ids separated by commas");
            }
            ids.add(id);
        }
        return ids;
    }
}
