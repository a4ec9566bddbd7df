package io.riskguard.state;

import io.riskguard.market.QuietBand;

/**
 * An open position's standing subscription to its contract's quotes: the band of marks at which no
 * price rule can emit (a quote inside is not delivered), whether RULE-012 tracks its best mark,
 * and {@code since}: how many marked quotes of the contract had been seen at the account's last
 * trigger on the contract. The best mark of the quotes after that one is carried into the next
 * trigger on the contract.
 */
public record Holding(QuietBand band, boolean tracksBest, long since) {}
