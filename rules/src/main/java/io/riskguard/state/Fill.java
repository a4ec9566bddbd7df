package io.riskguard.state;

import java.time.Instant;

/** A counted fill kept for RULE-006's windows. {@code opening}: its profitAndLoss was null. */
public record Fill(long tradeId, long orderId, Instant ts, boolean opening) {}
