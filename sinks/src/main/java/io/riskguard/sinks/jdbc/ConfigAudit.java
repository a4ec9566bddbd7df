package io.riskguard.sinks.jdbc;

import java.time.Instant;

/**
 * One configuration update as received and judged. {@code messageId} identifies the message
 * (topic, partition, offset), so a message re-read after a restore is recorded once.
 */
public record ConfigAudit(String messageId, Instant receivedAt, Integer version, boolean accepted, String reason,
        String configSha256) {}
