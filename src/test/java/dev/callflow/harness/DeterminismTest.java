package dev.callflow.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On the virtual clock a scenario's timeline depends on nothing but the scenario and the seed: the reference app's
 * timelines of two runs are the same bytes (names, order, virtual timestamps, ids, thread lanes), whatever the machine
 * did meanwhile and however many scenarios ran at once. The scenarios chosen cross every source of time and of
 * real-time completions: pushes through the mock APNs and a cold launch, server events through WireMock's relay, the
 * app's requests and their delayed answers, hung main threads, action timeouts and the ring timeout. Their sequence
 * diagrams (SVG) are the same bytes too.
 */
class DeterminismTest {
    private static final String TAGS = "@flow-push-wake or @flow-action-timeouts or @flow-system-end";

    @Test
    void twoRunsOfTheSameScenariosRenderTheSameTimelinesAndDiagrams() throws IOException {
        Path root = Runs.HOME.resolve("target/determinism");
        RunResult first = SuiteRunner.run(Runs.config("reference").tags(TAGS).threads(2).reportsDir(root.resolve("first")).build());
        RunResult second = SuiteRunner.run(Runs.config("reference").tags(TAGS).threads(4).reportsDir(root.resolve("second")).build());

        assertThat(first.failed()).as(ScenarioOutcome.describe(first.failed())).isEmpty();
        assertThat(second.failed()).as(ScenarioOutcome.describe(second.failed())).isEmpty();
        Map<String, String> a = timelines(root.resolve("first/timelines"));
        Map<String, String> b = timelines(root.resolve("second/timelines"));
        assertThat(a).as("timelines and sequence diagrams written").hasSize(2 * first.scenarios().size())
                .hasSizeGreaterThanOrEqualTo(24);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((file, text) -> assertThat(b.get(file)).as("the timeline %s of the second run", file).isEqualTo(text));
    }

    private static Map<String, String> timelines(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".svg")).toList()) {
                out.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}
