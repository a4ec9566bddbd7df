package io.riskguard.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigException;
import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.LineMerger;
import io.riskguard.contract.MergedLine;
import io.riskguard.replay.SequentialReplay;
import io.riskguard.testing.FanOutStreams;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quote fan-out decides exactly what the full fan-out decides (RULES.md §1.3: every holder
 * gets every quote), on 200 random streams ({@link FanOutStreams}): with the accounts on one
 * subtask and split over four, with the default mark-history limit and with a tiny one that forces
 * deliveries all the time, and with a config update in the middle of some streams. It also checks
 * that the fan-out does skip: most quote triggers of these streams are never delivered.
 */
class FanOutDifferentialTest {

    private static final int STREAMS = 200;

    @Test
    void onTwoHundredRandomStreamsTheFanOutDecidesExactlyWhatTheFullFanOutDecides() throws Exception {
        long delivered = 0;
        long full = 0;
        long actions = 0;
        for (long seed = 1; seed <= STREAMS; seed++) {
            FanOutStreams.Stream s = FanOutStreams.generate(seed, (int) (seed % 40));
            RiskConfig config = parse(s.config());
            List<String> reference = json(new SequentialReplay(config).run(List.of(s.lines()), null).actions());
            actions += reference.size();
            for (int subtasks : new int[] {1, 4}) {
                int historyLimit = seed % 3 == 0 ? 4 : QuoteFanOut.DEFAULT_HISTORY_LIMIT;
                FanOutReplay fanOut = new FanOutReplay(config, subtasks, historyLimit);
                assertThat(json(fanOut.run(List.of(s.lines()), null, -1)))
                        .as("%s on %d subtasks, history limit %d", FanOutStreams.describe(s), subtasks, historyLimit)
                        .containsExactlyElementsOf(reference);
                delivered += fanOut.delivered();
                full += fanOut.fullFanOut();
            }
        }
        assertThat(actions).as("actions decided over all streams").isGreaterThan(STREAMS * 10L);
        assertThat(full).as("quote triggers of the full fan-out").isGreaterThan(STREAMS * 1_000L);
        assertThat(delivered).as("quote triggers delivered, of %d", full).isLessThan(full / 2);
    }

    @Test
    void aConfigUpdateMidStreamDecidesAsTheFullFanOutWithTheSameUpdate() throws Exception {
        for (long seed = 1_001; seed <= 1_060; seed++) {
            FanOutStreams.Stream s = FanOutStreams.generate(seed, (int) (seed % 40));
            RiskConfig before = parse(s.config());
            RiskConfig after = parse(FanOutStreams.config(8, List.of(s), FanOutStreams.otherOverrides(s, seed)));
            int switchAt = s.lines().size() / 2;
            List<String> reference = json(referenceWithSwitch(s.lines(), before, after, switchAt));
            for (int subtasks : new int[] {1, 3}) {
                assertThat(json(new FanOutReplay(before, subtasks, 16).run(List.of(s.lines()), after, switchAt)))
                        .as("%s on %d subtasks, config 8 from line %d", FanOutStreams.describe(s), subtasks, switchAt)
                        .containsExactlyElementsOf(reference);
            }
        }
    }

    private static List<Action> referenceWithSwitch(List<String> lines, RiskConfig before, RiskConfig after,
            int switchAt) {
        SequentialReplay replay = new SequentialReplay(before);
        LineMerger merger = new LineMerger(List.of(lines.iterator()), null);
        int index = 0;
        while (merger.hasNext()) {
            MergedLine line = merger.next();
            if (index++ == switchAt) {
                replay.useConfig(after);
            }
            if (line.accepted()) {
                replay.accept(line.event(), line.evalTs());
            }
        }
        Instant end = merger.eventTime();
        if (end != null) {
            replay.endAt(end);
        }
        return replay.result().actions();
    }

    private static RiskConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "stream.yaml");
    }

    private static List<String> json(List<Action> actions) {
        return actions.stream().map(ActionJson::toJson).toList();
    }
}
