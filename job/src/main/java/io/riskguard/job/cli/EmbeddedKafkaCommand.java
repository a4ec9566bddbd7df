package io.riskguard.job.cli;

import io.riskguard.job.local.EmbeddedKafka;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskguard embedded-kafka}: a real Kafka broker (KRaft) inside this JVM with the Riskguard
 * topics, for demos and trials of {@code run} and {@code bridge} on a machine without Kafka. Runs until
 * killed; its data is deleted then.
 */
@Command(name = "embedded-kafka", mixinStandardHelpOptions = true,
        description = "Run an in-process Kafka broker (KRaft) with the Riskguard topics until killed; prints its "
                + "bootstrap servers. Its data is temporary.")
final class EmbeddedKafkaCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092",
            description = "port of the bootstrap servers, 0 for an ephemeral one (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("riskguard: invalid --port " + port + ": must be 0..65535");
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(port);
        // Captured as an AutoCloseable: a lambda capturing an EmbeddedKafka would give this class a synthetic
        // method with that type in its signature, which picocli's reflection would then load, and with it the
        // Kafka broker classes the cluster job jar (-flink.jar) leaves out.
        AutoCloseable closeable = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }, "embedded-kafka-shutdown"));
        kafka.createTopics(EmbeddedKafka.RISKGUARD_TOPICS);
        System.out.println("embedded-kafka listening; bootstrap servers " + kafka.bootstrapServers() + " (KRaft, "
                + "one broker, data deleted on exit)");
        System.out.println("embedded-kafka topics: " + EmbeddedKafka.describe(EmbeddedKafka.RISKGUARD_TOPICS));
        System.out.flush();
        new CountDownLatch(1).await();
        return RiskguardCli.DONE;
    }
}
