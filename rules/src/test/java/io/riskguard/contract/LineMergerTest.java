package io.riskguard.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * LineMerger, the merge of replay event files (CONTRACT.md §4, RULES.md §1.3): by ts, equal ts in the
 * order of the files and then of the lines; blank lines carry nothing; a rejected line keeps its place
 * in its file and does not move event time; a late line is evaluated at the current event time;
 * {@code until} ends the merge.
 */
class LineMergerTest {

    /** A clock line at {@code HH:MM:SS} on 2026-03-02, tagged through the fraction so lines are told apart. */
    static String clock(String time) {
        return "{\"type\":\"clock\",\"ts\":\"2026-03-02T" + time + "Z\"}";
    }

    static String trade(String time, long id) {
        return "{\"type\":\"trade\",\"ts\":\"2026-03-02T" + time + "Z\",\"accountId\":1001,\"data\":{\"id\":" + id
                + ",\"accountId\":1001,\"contractId\":\"CON.F.US.MNQ.H26\",\"price\":21000.00,\"profitAndLoss\":null,"
                + "\"side\":0,\"size\":1,\"orderId\":" + id + "}}";
    }

    static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    @SafeVarargs
    static LineMerger merger(Instant until, List<String>... files) {
        List<Iterator<String>> sources = new ArrayList<>();
        for (List<String> f : files) {
            sources.add(f.iterator());
        }
        return new LineMerger(sources, until);
    }

    static List<MergedLine> drain(LineMerger m) {
        List<MergedLine> out = new ArrayList<>();
        while (m.hasNext()) {
            out.add(m.next());
        }
        return out;
    }

    static List<String> lines(List<MergedLine> merged) {
        return merged.stream().map(MergedLine::line).toList();
    }

    static List<Instant> evalTimes(List<MergedLine> merged) {
        return merged.stream().map(MergedLine::evalTs).toList();
    }

    // ---- order --------------------------------------------------------------------------------

    @Test
    void mergesFilesByTsWithTiesInFileOrderThenLineOrder() {
        String a = trade("10:00:00", 1);
        String b = trade("10:02:00", 2);
        String c = trade("10:02:00", 3);
        String d = trade("10:01:00", 4);
        String e = trade("10:02:00", 5);
        String f = trade("10:03:00", 6);
        String g = trade("10:02:00", 7);
        LineMerger m = merger(null, List.of(a, b, c), List.of(d, e, f), List.of(g));

        List<MergedLine> merged = drain(m);

        assertThat(lines(merged)).containsExactly(a, d, b, c, e, g, f);
        assertThat(merged).extracting(MergedLine::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(evalTimes(merged)).containsExactly(at("10:00:00"), at("10:01:00"), at("10:02:00"),
                at("10:02:00"), at("10:02:00"), at("10:02:00"), at("10:03:00"));
        assertThat(merged).allMatch(MergedLine::accepted);
        assertThat(m.eventTime()).isEqualTo(at("10:03:00"));
    }

    @Test
    void equalInstantsWrittenDifferentlyAreStillATieBrokenByFileOrder() {
        String first = clock("10:00:00");
        String second = clock("10:00:00");
        // the second file's line is the same instant written differently
        String secondFile = "{\"type\":\"clock\",\"ts\":\"2026-03-02T10:00:00.000Z\"}";

        List<MergedLine> merged = drain(merger(null, List.of(first, second), List.of(secondFile)));

        assertThat(lines(merged)).containsExactly(first, second, secondFile);
    }

    @Test
    void ordersSubMillisecondTimestampsExactly() {
        String late = clock("10:00:00.000000200");
        String early = clock("10:00:00.000000100");

        List<MergedLine> merged = drain(merger(null, List.of(late), List.of(early)));

        assertThat(lines(merged)).containsExactly(early, late);
    }

    @Test
    void parsesEachLineIntoItsEvent() {
        MergedLine line = drain(merger(null, List.of(trade("10:00:00", 88001)))).get(0);

        assertThat(line.event()).isInstanceOf(TradeEvent.class);
        assertThat(((TradeEvent) line.event()).tradeId()).isEqualTo(88001);
        assertThat(line.rejection()).isNull();
    }

    // ---- blank lines --------------------------------------------------------------------------

    @Test
    void skipsBlankLines() {
        String a = clock("10:00:00");
        String b = clock("10:01:00");
        String c = clock("10:00:30");

        List<MergedLine> merged = drain(merger(null, Arrays.asList("", a, "   ", "\t", b, ""), List.of("", c, " ")));

        assertThat(lines(merged)).containsExactly(a, c, b);
        assertThat(merged).extracting(MergedLine::seq).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFileOfBlankLinesContributesNothing() {
        LineMerger m = merger(null, List.of("", "  "), List.of());

        assertThat(m.hasNext()).isFalse();
        assertThat(m.eventTime()).isNull();
        assertThatThrownBy(m::next).isInstanceOf(NoSuchElementException.class);
    }

    // ---- rejected lines -----------------------------------------------------------------------

    @Test
    void aRejectedLineKeepsItsPlaceInItsFileAndDoesNotMoveEventTime() {
        String a = clock("10:00:00");
        String bad = "{not json";
        String c = clock("10:05:00");
        String b = clock("10:03:00");

        LineMerger m = merger(null, List.of(a, bad, c), List.of(b));
        List<MergedLine> merged = new ArrayList<>();
        merged.add(m.next());
        merged.add(m.next());
        assertThat(m.eventTime()).as("after the rejected line").isEqualTo(at("10:00:00"));
        merged.addAll(drain(m));

        assertThat(lines(merged)).containsExactly(a, bad, b, c);
        MergedLine rejected = merged.get(1);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.event()).isNull();
        assertThat(rejected.rejection()).isEqualTo("unparseable JSON");
        assertThat(rejected.seq()).isEqualTo(1);
        assertThat(rejected.evalTs()).as("the previous event time").isEqualTo(at("10:00:00"));
    }

    @Test
    void aRejectedLineWithALaterTsNeitherMovesEventTimeNorJumpsAhead() {
        String a = clock("10:00:00");
        // a valid-looking ts, rejected for its type: its ts must not count
        String bad = "{\"type\":\"bogus\",\"ts\":\"2026-03-02T10:30:00Z\"}";
        String c = clock("10:05:00");
        String b = clock("10:03:00");

        List<MergedLine> merged = drain(merger(null, List.of(a, bad, c), List.of(b)));

        assertThat(lines(merged)).containsExactly(a, bad, b, c);
        assertThat(merged.get(1).rejection()).isNotNull();
        assertThat(evalTimes(merged)).containsExactly(at("10:00:00"), at("10:00:00"), at("10:03:00"),
                at("10:05:00"));
    }

    @Test
    void aRejectedLineAfterOtherFilesMovedEventTimeIsEvaluatedAtThatTime() {
        String a = clock("10:00:00");
        String x = clock("10:04:00");
        String bad = "[1,2]";
        String b = clock("10:03:00");

        List<MergedLine> merged = drain(merger(null, List.of(a, x, bad), List.of(b)));

        assertThat(lines(merged)).containsExactly(a, b, x, bad);
        assertThat(merged.get(3).rejection()).isEqualTo("not a JSON object");
        assertThat(merged.get(3).evalTs()).isEqualTo(at("10:04:00"));
    }

    @Test
    void aRejectedFirstLineHasNoEvaluationTimeYet() {
        List<MergedLine> merged = drain(merger(null, List.of("nope", clock("10:00:00"))));

        assertThat(merged.get(0).accepted()).isFalse();
        assertThat(merged.get(0).evalTs()).isNull();
        assertThat(merged.get(1).evalTs()).isEqualTo(at("10:00:00"));
    }

    @Test
    void onlyRejectedLinesLeaveEventTimeUnset() {
        LineMerger m = merger(null, List.of("x", "{}"));

        List<MergedLine> merged = drain(m);

        assertThat(merged).hasSize(2).noneMatch(MergedLine::accepted);
        assertThat(m.eventTime()).isNull();
    }

    // ---- late lines ---------------------------------------------------------------------------

    @Test
    void aLateLineIsEvaluatedAtTheCurrentEventTime() {
        String a = clock("10:00:00");
        String b = trade("10:05:00", 2);
        String late = trade("10:02:00", 3);
        String c = clock("10:06:00");
        String d = clock("10:03:00");
        String e = clock("10:05:00");

        LineMerger m = merger(null, List.of(a, b, late, c), List.of(d, e));
        List<MergedLine> merged = drain(m);

        // the late line keeps its place after b in its file, ahead of file 2's line at the same key
        assertThat(lines(merged)).containsExactly(a, d, b, late, e, c);
        MergedLine lateLine = merged.get(3);
        assertThat(lateLine.event().ts()).as("its own ts is kept").isEqualTo(at("10:02:00"));
        assertThat(lateLine.evalTs()).as("evaluated at the current event time").isEqualTo(at("10:05:00"));
        assertThat(evalTimes(merged)).as("event time never goes back").isSorted();
        assertThat(m.eventTime()).isEqualTo(at("10:06:00"));
    }

    @Test
    void aLateLineDoesNotHoldBackOtherFilesLines() {
        String a = clock("10:10:00");
        String late = clock("10:01:00");
        String b = clock("10:05:00");

        List<MergedLine> merged = drain(merger(null, List.of(a, late), List.of(b)));

        assertThat(lines(merged)).containsExactly(b, a, late);
        assertThat(evalTimes(merged)).containsExactly(at("10:05:00"), at("10:10:00"), at("10:10:00"));
    }

    // ---- until --------------------------------------------------------------------------------

    @Test
    void untilStopsTheMergeAndEventTimeEndsThere() {
        String a = clock("10:00:00");
        String b = clock("10:10:00");
        String c = clock("10:20:00");
        String bad = "bad line after the end";
        String e = clock("10:15:00");

        LineMerger m = merger(at("10:10:00"), List.of(a, b, c, bad), List.of(e));
        List<MergedLine> merged = drain(m);

        assertThat(lines(merged)).as("a line exactly at until is still merged").containsExactly(a, b);
        assertThat(m.hasNext()).isFalse();
        assertThat(m.eventTime()).isEqualTo(at("10:10:00"));
    }

    @Test
    void untilBetweenTwoEventsLeavesEventTimeAtTheLastMergedLine() {
        String a = clock("10:00:00");
        String b = clock("10:05:00");
        String c = clock("10:20:00");
        String d = clock("10:30:00");

        LineMerger m = merger(at("10:10:00"), List.of(a, c), List.of(b, d));
        List<MergedLine> merged = drain(m);

        assertThat(lines(merged)).containsExactly(a, b);
        assertThat(m.eventTime()).as("no line after until moved it").isEqualTo(at("10:05:00"));
        assertThat(m.hasNext()).as("stays ended").isFalse();
    }

    @Test
    void rejectedLinesBeforeTheEndAreStillMerged() {
        String a = clock("10:00:00");
        String bad = "{";
        String c = clock("10:20:00");

        List<MergedLine> merged = drain(merger(at("10:10:00"), List.of(a, bad, c)));

        assertThat(lines(merged)).containsExactly(a, bad);
    }

    @Test
    void untilBeforeEveryEventMergesNothingButLeadingRejections() {
        LineMerger m = merger(at("09:00:00"), List.of("{", clock("10:00:00")));

        List<MergedLine> merged = drain(m);

        assertThat(lines(merged)).containsExactly("{");
        assertThat(m.eventTime()).isNull();
    }

    // ---- iterator contract --------------------------------------------------------------------

    @Test
    void hasNextIsIdempotentAndNextFailsAtTheEnd() {
        LineMerger m = merger(null, List.of(clock("10:00:00")));

        assertThat(m.hasNext()).isTrue();
        assertThat(m.hasNext()).isTrue();
        assertThat(m.next().line()).isEqualTo(clock("10:00:00"));
        assertThat(m.hasNext()).isFalse();
        assertThatThrownBy(m::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void noFilesMergeToNothing() {
        LineMerger m = new LineMerger(List.of(), null);

        assertThat(m.hasNext()).isFalse();
        assertThat(m.eventTime()).isNull();
    }
}
