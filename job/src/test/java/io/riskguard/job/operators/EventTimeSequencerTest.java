package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.job.model.Sequenced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeSequencerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    record In(String name, Instant evalTs, long seq) implements Sequenced {}

    /** Records what the sequencer hands out, in order, as text. */
    static final class Recorder implements EventTimeSequencer.Handler<Long, In, In> {
        final List<String> calls = new ArrayList<>();
        final List<Instant> timersDue = new ArrayList<>();

        @Override
        public void fireTimersUpTo(Instant upTo) {
            while (!timersDue.isEmpty() && !timersDue.get(0).isAfter(upTo)) {
                calls.add("timer " + timersDue.remove(0));
            }
        }

        @Override
        public void apply(Long key, In input) {
            calls.add(key + ":" + input.name());
        }

        @Override
        public void applyShared(In input) {
            calls.add("shared:" + input.name());
        }

        @Override
        public void unstore(long ms, Long key) {
            calls.add("unstore " + key + "@" + ms);
        }
    }

    private final EventTimeSequencer<Long, In, In> sequencer = new EventTimeSequencer<>();
    private final Recorder recorder = new Recorder();

    private static In in(String name, long micros, long seq) {
        return new In(name, T0.plusNanos(micros * 1000), seq);
    }

    private static long ms(long micros) {
        return Millis.ceil(T0.plusNanos(micros * 1000));
    }

    @Test
    void inputsWaitUntilTheWatermarkPassesTheirMillisecond() throws Exception {
        sequencer.add(1L, in("a", 1500, 1));

        sequencer.drainUpTo(ms(1500) - 1, recorder);
        assertThat(recorder.calls).isEmpty();

        sequencer.drainUpTo(ms(1500), recorder);
        assertThat(recorder.calls).containsExactly("1:a");
        assertThat(sequencer.isEmpty()).isTrue();
    }

    @Test
    void aMillisecondsKeyedAndSharedInputsComeOutInTsThenSeqOrderAcrossKeys() throws Exception {
        sequencer.add(2L, in("late", 900, 1));
        sequencer.addShared(in("quote", 500, 7));
        sequencer.add(1L, in("second", 200, 9));
        sequencer.add(2L, in("first", 200, 3));

        sequencer.drainUpTo(ms(999), recorder);

        assertThat(recorder.calls).containsExactly("2:first", "1:second", "shared:quote", "2:late");
    }

    @Test
    void atEqualTsAndSeqKeyedInputsComeBeforeSharedOnesByKey() throws Exception {
        sequencer.addShared(in("quote", 100, 5));
        sequencer.add(9L, in("x", 100, 5));
        sequencer.add(3L, in("y", 100, 5));

        sequencer.drainUpTo(ms(100), recorder);

        assertThat(recorder.calls).containsExactly("3:y", "9:x", "shared:quote");
    }

    @Test
    void millisecondsComeOutInOrderEachAfterTheTimersDueBeforeItsInputsAndAtItsEnd() throws Exception {
        sequencer.add(1L, in("b", 2300, 2));
        sequencer.add(1L, in("a", 400, 1));
        recorder.timersDue.addAll(List.of(T0.plusNanos(300_000), T0.plusNanos(700_000), T0.plusNanos(2_000_000)));

        sequencer.drainUpTo(ms(2300), recorder);

        assertThat(recorder.calls).containsExactly("timer " + T0.plusNanos(300_000), "1:a",
                "timer " + T0.plusNanos(700_000), "timer " + T0.plusNanos(2_000_000), "1:b");
    }

    @Test
    void aSnapshotStoresEachWaitingMillisecondOnceAndAgainOnlyAfterItChanged() throws Exception {
        List<String> stored = new ArrayList<>();
        EventTimeSequencer.Store<Long, In> store = (ms, key, inputs) ->
                stored.add(key + "@" + ms + "=" + inputs.stream().map(In::name).toList());
        sequencer.add(1L, in("a", 100, 1));
        sequencer.add(2L, in("b", 100, 2));

        sequencer.snapshot(store);
        sequencer.snapshot(store);
        sequencer.add(1L, in("c", 200, 3));
        sequencer.snapshot(store);

        long ms = ms(100);
        assertThat(stored).containsExactly("1@" + ms + "=[a]", "2@" + ms + "=[b]", "1@" + ms + "=[a, c]");
    }

    @Test
    void onlyMillisecondsWithAStateCopyAreUnstoredWhenTheyAreHandedOut() throws Exception {
        sequencer.add(1L, in("stored", 100, 1));
        sequencer.snapshot((ms, key, inputs) -> { });
        sequencer.add(2L, in("fresh", 100, 2));

        sequencer.drainUpTo(ms(100), recorder);

        assertThat(recorder.calls).containsExactly("unstore 1@" + ms(100), "1:stored", "2:fresh");
    }

    @Test
    void inputsRestoredFromStateAreHandedOutAndTheirStateCopyRemoved() throws Exception {
        sequencer.restored(ms(100), 4L, List.of(in("r1", 50, 1), in("r2", 80, 2)));
        sequencer.addShared(ms(100), in("q", 60, 3));

        assertThat(sequencer.shared()).containsOnlyKeys(ms(100));
        sequencer.drainUpTo(ms(100), recorder);

        assertThat(recorder.calls).containsExactly("unstore 4@" + ms(100), "4:r1", "shared:q", "4:r2");
        assertThat(sequencer.isEmpty()).isTrue();
        assertThat(sequencer.shared()).isEmpty();
    }
}
