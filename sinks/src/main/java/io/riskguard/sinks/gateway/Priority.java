package io.riskguard.sinks.gateway;

/** Under the rate limit, risk-reducing calls go first; stop modifications wait. */
public enum Priority {
    /** Searches, closes and cancels: taking risk off. */
    HIGH,
    /** Stop modifications: automation that can wait. */
    LOW
}
