package io.riskguard.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.contract.EventCodec;
import io.riskguard.contract.QuoteEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RULES.md §1.5 (quote merging) and §1.6 (marks and staleness). */
class QuoteStateTest {

    private static final String MNQ = "CON.F.US.MNQ.H26";
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    private static QuoteEvent quote(Instant ts, String last, String bid, String ask) {
        return new QuoteEvent(ts, MNQ, dec(last), dec(bid), dec(ask), "{}");
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static QuoteEvent parse(String ts, String data) throws Exception {
        return (QuoteEvent) EventCodec.parse(
                "{\"type\":\"quote\",\"ts\":\"" + ts + "\",\"contractId\":\"" + MNQ + "\",\"data\":" + data + "}");
    }

    @Test
    void marksAtTheLastPriceWhenItIsPositive() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", "20999.00", "21000.00"));
        assertThat(q.mark()).isEqualByComparingTo("21001.00");
    }

    @Test
    void marksAtTheMidOfBidAndAskWhenThereIsNoLastPrice() {
        QuoteState q = QuoteState.of(quote(T0, null, "20950.00", "20950.50"));
        assertThat(q.mark()).isEqualByComparingTo("20950.25");
    }

    @Test
    void keepsAnOffGridMidExactly() {
        QuoteState q = QuoteState.of(quote(T0, null, "21003.00", "21003.25"));
        assertThat(q.mark()).isEqualByComparingTo("21003.125");
    }

    @Test
    void marksAtTheMidWhenTheLastPriceIsZero() {
        QuoteState q = QuoteState.of(quote(T0, "0", "100.00", "101.00"));
        assertThat(q.mark()).isEqualByComparingTo("100.50");
    }

    @Test
    void hasNoMarkWithOnlyOneSideOfTheBook() {
        assertThat(QuoteState.of(quote(T0, null, "20950.00", null)).mark()).isNull();
        assertThat(QuoteState.of(quote(T0, null, null, "20950.50")).mark()).isNull();
        assertThat(QuoteState.of(quote(T0, "0", "20950.00", "0")).mark()).isNull();
    }

    @Test
    void hasNoMarkWhenEveryPriceIsMissingOrZero() {
        assertThat(QuoteState.of(quote(T0, null, null, null)).mark()).isNull();
        assertThat(QuoteState.of(quote(T0, "0", "0", "0")).mark()).isNull();
    }

    @Test
    void aMissingFieldKeepsThePreviousValue() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null))
                .merge(quote(T0.plusSeconds(1), null, "20950.00", "20950.50"));
        assertThat(q.lastPrice()).isEqualByComparingTo("21001.00");
        assertThat(q.bestBid()).isEqualByComparingTo("20950.00");
        assertThat(q.bestAsk()).isEqualByComparingTo("20950.50");
        assertThat(q.mark()).isEqualByComparingTo("21001.00");
    }

    @Test
    void aZeroFieldKeepsThePreviousValue() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", "21000.75", "21001.25"))
                .merge(quote(T0.plusSeconds(1), "0", "0", "21001.50"));
        assertThat(q.lastPrice()).isEqualByComparingTo("21001.00");
        assertThat(q.bestBid()).isEqualByComparingTo("21000.75");
        assertThat(q.bestAsk()).isEqualByComparingTo("21001.50");
        assertThat(q.mark()).isEqualByComparingTo("21001.00");
    }

    @Test
    void aPositiveFieldReplacesThePreviousValue() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null))
                .merge(quote(T0.plusSeconds(1), "21002.25", null, null));
        assertThat(q.mark()).isEqualByComparingTo("21002.25");
    }

    @Test
    void aLaterBookCompletesAMidAcrossQuotes() {
        QuoteState q = QuoteState.of(quote(T0, null, "20950.00", null))
                .merge(quote(T0.plusSeconds(1), null, null, "20950.50"));
        assertThat(q.mark()).isEqualByComparingTo("20950.25");
    }

    @Test
    void quoteTsIsTheTsOfTheLatestQuoteEventEvenIfItChangedNothing() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null))
                .merge(quote(T0.plusSeconds(7), null, null, null));
        assertThat(q.quoteTs()).isEqualTo(T0.plusSeconds(7));
        assertThat(q.mark()).isEqualByComparingTo("21001.00");
    }

    @Test
    void aQuoteExactlyMaxAgeOldIsFresh() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null));
        assertThat(q.freshAt(T0.plusSeconds(5), 5)).isTrue();
    }

    @Test
    void aQuoteOlderThanMaxAgeIsStale() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null));
        assertThat(q.freshAt(T0.plusSeconds(5).plusMillis(1), 5)).isFalse();
        assertThat(q.freshAt(T0.plusSeconds(9), 5)).isFalse();
    }

    @Test
    void aQuoteIsFreshAtItsOwnTs() {
        QuoteState q = QuoteState.of(quote(T0, "21001.00", null, null));
        assertThat(q.freshAt(T0, 5)).isTrue();
        assertThat(q.freshAt(T0.plusMillis(4999), 5)).isTrue();
    }

    @Test
    void theQuoteBookMergesPerContract() {
        QuoteBook book = new QuoteBook();
        book.apply(quote(T0, "21001.00", null, null));
        book.apply(new QuoteEvent(T0.plusSeconds(1), "CON.F.US.EP.H26", new BigDecimal("6000.25"), null, null, "{}"));
        book.apply(quote(T0.plusSeconds(2), null, "21000.00", "21000.50"));

        assertThat(book.quote(MNQ).mark()).isEqualByComparingTo("21001.00");
        assertThat(book.quote(MNQ).quoteTs()).isEqualTo(T0.plusSeconds(2));
        assertThat(book.quote("CON.F.US.EP.H26").mark()).isEqualByComparingTo("6000.25");
        assertThat(book.quote("CON.F.US.EP.H26").quoteTs()).isEqualTo(T0.plusSeconds(1));
        assertThat(book.quote("CON.F.US.NQ.H26")).isNull();
    }

    @Test
    void mergesZeroAndMissingFieldsOfParsedQuoteLines() throws Exception {
        QuoteBook book = new QuoteBook();
        book.apply(parse("2026-03-02T15:00:00Z", "{\"lastPrice\":21001.00,\"bestBid\":21000.75,\"bestAsk\":21001.25}"));
        book.apply(parse("2026-03-02T15:00:01Z", "{\"lastPrice\":0,\"bestBid\":21000.50,\"volume\":12}"));

        QuoteState q = book.quote(MNQ);
        assertThat(q.lastPrice()).isEqualByComparingTo("21001.00");
        assertThat(q.bestBid()).isEqualByComparingTo("21000.50");
        assertThat(q.bestAsk()).isEqualByComparingTo("21001.25");
        assertThat(q.mark()).isEqualByComparingTo("21001.00");
        assertThat(q.quoteTs()).isEqualTo(Instant.parse("2026-03-02T15:00:01Z"));
    }
}
