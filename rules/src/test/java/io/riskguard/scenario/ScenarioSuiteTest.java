package io.riskguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskguard.config.ConfigLoader;
import io.riskguard.config.RiskConfig;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.DeadLetter;
import io.riskguard.contract.DeadLetterJson;
import io.riskguard.replay.SequentialReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under {@code testdata/scenarios/<name>/} replayed through the engine: the actions
 * must equal {@code expected.jsonl} line for line, byte for byte; where a scenario has
 * {@code expected-warnings.jsonl}, the warnings must equal it too. Expected files are computed by
 * hand from RULES.md (each scenario's notes.md shows the computation).
 */
class ScenarioSuiteTest {

    static Path scenariosDir() {
        return Path.of(System.getProperty("riskguard.testdata", "../testdata")).resolve("scenarios");
    }

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(scenariosDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("events.jsonl"))).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioProducesExactlyItsExpectedActions() throws IOException {
        List<Path> scenarios = scenarios();
        assertThat(scenarios).as("scenarios in %s", scenariosDir()).isNotEmpty();
        return scenarios.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> replay(dir)));
    }

    private static void replay(Path dir) throws Exception {
        RiskConfig config = ConfigLoader.load(dir.resolve("config.yaml"));
        List<String> events = Files.readAllLines(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
        SequentialReplay.Result result = new SequentialReplay(config).run(List.of(events), null);

        List<String> actual = result.actions().stream().map(ActionJson::toJson).toList();
        List<String> expected = nonBlank(dir.resolve("expected.jsonl"));
        assertThat(actual).as("actions of %s", dir.getFileName()).containsExactlyElementsOf(expected);

        Path warningsFile = dir.resolve("expected-warnings.jsonl");
        if (Files.exists(warningsFile)) {
            List<String> warnings = result.deadLetters().stream()
                    .filter(d -> d.kind() == DeadLetter.Kind.WARNING)
                    .map(DeadLetterJson::toJson)
                    .toList();
            assertThat(warnings).as("warnings of %s", dir.getFileName())
                    .containsExactlyElementsOf(nonBlank(warningsFile));
        }
    }

    private static List<String> nonBlank(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
