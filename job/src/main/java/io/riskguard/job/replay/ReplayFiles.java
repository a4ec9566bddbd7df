package io.riskguard.job.replay;

import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DeadLetterJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a replay's actions and dead letters as JSON lines. */
public final class ReplayFiles {

    private ReplayFiles() {}

    public static void writeActions(Path file, List<Action> actions) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Action a : actions) {
                w.write(ActionJson.toJson(a));
                w.write('\n');
            }
        }
    }

    public static void writeDeadLetters(Path file, List<DeadLetter> letters) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DeadLetter d : letters) {
                w.write(DeadLetterJson.toJson(d));
                w.write('\n');
            }
        }
    }
}
