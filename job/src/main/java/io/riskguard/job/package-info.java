/**
 * The Flink job: sources, the MarkToMarket and AccountRisk operators (thin adapters around
 * {@code io.riskguard.engine}), and the {@code bin/riskguard} command line. Filled in by the job issue.
 */
package io.riskguard.job;
