package io.riskguard.config;

import java.math.BigDecimal;

/** Tick economics of one symbol root. */
public record Instrument(BigDecimal tickSize, BigDecimal tickValue) {}
