package io.riskguard.engine;

/** An applied account event: the previous stored {@code canTrade} (null on the first) and the new one. */
public record AccountChange(Boolean previous, boolean canTrade) {}
