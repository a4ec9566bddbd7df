/**
 * Where enforcement actions leave the job: the broker gateway (ProjectX REST), PostgreSQL audit and
 * lockout tables through Flink's JDBC connector, and Kafka. Filled in by the sinks issue.
 */
package io.riskguard.sinks;
