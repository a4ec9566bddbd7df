package io.riskguard.market;

/**
 * What an account needs from the quotes of a contract it holds: the band of marks at which its
 * price rules stay quiet, and whether RULE-012 tracks the position's best mark (then the extremes
 * of the quotes it was not delivered must be carried into its next trigger on the contract).
 */
public record Subscription(QuietBand band, boolean tracksBest) {

    /** An unpriced position, or one no price rule watches: no quote can matter to it. */
    public boolean dormant() {
        return band.isAlways() && !tracksBest;
    }
}
