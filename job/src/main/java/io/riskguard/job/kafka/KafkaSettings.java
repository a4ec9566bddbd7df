package io.riskguard.job.kafka;

import java.io.Serializable;
import java.util.Map;
import java.util.Properties;

/**
 * How the production job reaches Kafka: bootstrap servers, topic names, client properties passed
 * through as given (SASL/TLS settings; secret-bearing ones come from a properties file, never from
 * program arguments), the consumer group and the transactional-id prefix of the exactly-once sinks.
 */
public record KafkaSettings(
        String bootstrapServers,
        String eventsTopic,
        String quotesTopic,
        String controlTopic,
        String actionsTopic,
        String deadLettersTopic,
        String groupId,
        String transactionalIdPrefix,
        Map<String, String> clientProperties) implements Serializable {

    public static final String EVENTS = "riskguard.events";
    public static final String QUOTES = "riskguard.quotes";
    public static final String CONTROL = "riskguard.control";
    public static final String ACTIONS = "riskguard.actions";
    public static final String DEAD_LETTERS = "riskguard.dead-letters";

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    Properties properties() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        return p;
    }

    /** Redacts values of keys that commonly hold secrets. */
    @Override
    public String toString() {
        StringBuilder props = new StringBuilder();
        clientProperties.keySet().stream().sorted().forEach(k -> props.append(props.length() == 0 ? "" : ", ").append(k)
                .append('=').append(k.contains("password") || k.contains("jaas") || k.contains("secret") ? "***"
                        : clientProperties.get(k)));
        return "KafkaSettings[" + bootstrapServers + ", topics " + eventsTopic + ", " + quotesTopic + ", "
                + controlTopic + " -> " + actionsTopic + ", " + deadLettersTopic + ", group " + groupId + ", "
                + props + "]";
    }
}
