package io.riskguard.market;

/** Where the engine reads the merged quote of a contract; null when none was ever seen. */
@FunctionalInterface
public interface MarkView {

    MarkView NONE = contractId -> null;

    QuoteState quote(String contractId);
}
