package io.riskguard.contract;

import java.util.Locale;

/** The envelope {@code type} values. */
public enum EventType {
    ACCOUNT, ORDER, POSITION, TRADE, QUOTE, CLOCK;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The spelling used in JSON and in action ids ({@code trade}, {@code quote}, ...). */
    public String wireName() {
        return wireName;
    }
}
