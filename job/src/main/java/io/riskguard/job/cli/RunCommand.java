package io.riskguard.job.cli;

import io.riskguard.config.RiskConfig;
import io.riskguard.job.kafka.KafkaSettings;
import io.riskguard.job.operators.Ordering;
import io.riskguard.job.pipeline.JobSettings;
import io.riskguard.job.pipeline.RunJob;
import io.riskguard.sinks.gateway.GatewaySettings;
import io.riskguard.sinks.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard run}: the production job, also the entry point of {@code flink run} and of a
 * REST submission to a Flink cluster (the environment is the cluster's). Kafka in and out, broker
 * gateway and PostgreSQL when given.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the production job: Kafka in and out, broker gateway, PostgreSQL.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "initial risk config (YAML)")
    Path config;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]")
    String bootstrapServers;

    @Option(names = "--events-topic", defaultValue = KafkaSettings.EVENTS)
    String eventsTopic;

    @Option(names = "--quotes-topic", defaultValue = KafkaSettings.QUOTES)
    String quotesTopic;

    @Option(names = "--control-topic", defaultValue = KafkaSettings.CONTROL)
    String controlTopic;

    @Option(names = "--actions-topic", defaultValue = KafkaSettings.ACTIONS)
    String actionsTopic;

    @Option(names = "--dead-letters-topic", defaultValue = KafkaSettings.DEAD_LETTERS)
    String deadLettersTopic;

    @Option(names = "--group-id", defaultValue = "riskguard", description = "Kafka consumer group")
    String groupId;

    @Option(names = "--transactional-id-prefix", description = "unique per job (default: riskguard-<group-id>)")
    String transactionalIdPrefix;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "Kafka client property (not secrets)")
    List<String> kafkaProperties;

    @Option(names = "--kafka-properties-file", paramLabel = "FILE",
            description = "Kafka client properties, e.g. SASL/TLS settings with their secrets")
    Path kafkaPropertiesFile;

    @Option(names = "--gateway-url", paramLabel = "URL", description = "broker gateway to send actions to")
    String gatewayUrl;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "PostgreSQL to record actions in")
    String jdbcUrl;

    @Option(names = "--ordering", defaultValue = "arrival", description = "arrival (live) or event-time")
    String ordering;

    @Option(names = "--out-of-orderness-ms", defaultValue = "500")
    long outOfOrdernessMs;

    @Option(names = "--idleness-ms", defaultValue = "2000", description = "a quiet partition stops holding time back")
    long idlenessMs;

    @Option(names = "--heartbeat-ms", defaultValue = "1000", description = "wall-clock ticks; 0 for none")
    long heartbeatMs;

    @Option(names = "--checkpoint-interval-ms", defaultValue = "10000")
    long checkpointIntervalMs;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "when not set by the cluster's configuration")
    String checkpointDir;

    @Option(names = "--job-name", defaultValue = "riskguard")
    String jobName;

    @Override
    public Integer call() throws Exception {
        String yaml = Inputs.configYaml(config);
        RiskConfig initial = Inputs.config(config);
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, eventsTopic, quotesTopic, controlTopic, actionsTopic,
                deadLettersTopic, groupId, transactionalIdPrefix != null ? transactionalIdPrefix : "riskguard-" + groupId,
                Inputs.kafkaProperties(kafkaPropertiesFile, kafkaProperties));
        JdbcSettings database = jdbcUrl == null ? null : Inputs.database(jdbcUrl);
        GatewaySettings gateway = gatewayUrl == null ? null : Inputs.gateway(gatewayUrl, jdbcUrl);
        Ordering order = switch (ordering.toLowerCase(Locale.ROOT)) {
            case "arrival" -> Ordering.ARRIVAL;
            case "event-time" -> Ordering.EVENT_TIME;
            default -> throw new UsageException("riskguard: invalid --ordering " + ordering
                    + ": must be one of arrival, event-time");
        };

        Configuration conf = new Configuration();
        if (checkpointDir != null) {
            conf = JobSettings.base(Path.of(checkpointDir.replaceFirst("^file:", "")),
                    Duration.ofMillis(checkpointIntervalMs));
        } else {
            conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTING_INTERVAL,
                    Duration.ofMillis(checkpointIntervalMs));
            JobSettings.records(conf); // state backend and restarts: the cluster's configuration
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(JobSettings.live(conf));
        RunJob.build(env, new RunJob.Settings(yaml, config.getFileName().toString(), initial.version(), kafka, gateway,
                database, order, Duration.ofMillis(outOfOrdernessMs), Duration.ofMillis(idlenessMs),
                heartbeatMs > 0 ? Duration.ofMillis(heartbeatMs) : null));
        env.execute(jobName);
        return RiskguardCli.DONE;
    }
}
