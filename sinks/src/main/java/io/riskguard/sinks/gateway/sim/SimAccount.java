package io.riskguard.sinks.gateway.sim;

import java.math.BigDecimal;

/** An account known to the simulated book, as {@code Account/search} reports it. */
public record SimAccount(long id, String name, BigDecimal balance, boolean canTrade, boolean isVisible) {
}
