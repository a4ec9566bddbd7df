package io.riskguard.contract;

import java.util.Locale;

/**
 * Why a line went to the dead letters: the typed twin of the dead letter's reason sentence, one
 * constant per rejection rule of CONTRACT.md §1 and per warning of RULES.md §1.2. Not part of the
 * dead-letter JSON.
 */
public enum InputCause {
    UNPARSEABLE_JSON,
    DUPLICATE_FIELD,
    NOT_AN_OBJECT,
    UNKNOWN_TYPE,
    UNKNOWN_ENVELOPE_FIELD,
    MISSING_FIELD,
    WRONG_JSON_TYPE,
    UNKNOWN_ENUM_VALUE,
    NEGATIVE_SIZE,
    NON_FINITE_NUMBER,
    /** An integer beyond a long, or a decimal whose exponent is out of bounds. */
    NUMBER_OUT_OF_RANGE,
    /** An order's limit or stop price, a trade's price, or an open position's average price. */
    NON_POSITIVE_PRICE,
    /** A quote's lastPrice, bestBid or bestAsk, or a closed position's average price. */
    NEGATIVE_PRICE,
    /** A position with size &gt; 0 and type 0. */
    BAD_POSITION,
    MALFORMED_CONTRACT_ID,
    BAD_TIMESTAMP,
    /** The account id in data differs from the envelope's. */
    ACCOUNT_MISMATCH,
    /** A clock event carrying data. */
    UNEXPECTED_DATA,
    /** A control-topic config update that was refused. */
    CONFIG_UPDATE_REFUSED,
    /** Warning (RULES.md §1.2): a position whose root has no instruments entry. */
    NO_INSTRUMENT_ENTRY,
    /** Not known: read from a format that does not carry the cause, or refused outside the codec. */
    UNKNOWN;

    /** The metric label: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant named {@code name}; {@link #UNKNOWN} for a name this release does not know. */
    public static InputCause fromName(String name) {
        for (InputCause c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
