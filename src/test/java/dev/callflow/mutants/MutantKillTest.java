package dev.callflow.mutants;

import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.mutants.ScenarioOutcomePlugin.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation testing of the Gherkin suite itself: every mutant of the reference app must be killed (at least one
 * scenario fails, with a message that names what went wrong), and the reference app must pass every scenario (no
 * false alarms). Each case runs the whole suite in-process through Cucumber's CLI, as {@code ./callflow run} does.
 * See {@link InProcessSuite} for how a run works.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutantKillTest {

    private static final Path OUT = InProcessSuite.HOME.resolve("target/mutants");
    /**
     * Failing scenarios wait out the profile's assertion bound (5 s in {@code fast}), so by default each mutant runs
     * only the scenarios tagged with the rule it was written to break; {@code -Dcallflow.mutants.fullSuite=true} runs
     * every scenario against every mutant (about 45 s more, and shows collateral kills). The control always runs all.
     */
    private static final boolean FULL_SUITE = Boolean.getBoolean("callflow.mutants.fullSuite");

    /** Filled by each case; written as the kill matrix once all have run. Insertion order = run order. */
    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    private record Row(String iut, String rule, String tags, List<Outcome> outcomes, long millis, boolean control) {
        List<Outcome> failed() {
            return outcomes.stream().filter(Outcome::failed).toList();
        }

        String verdict() {
            if (control) {
                return failed().isEmpty() ? "control: 0 false alarms" : "control: FALSE ALARMS";
            }
            return failed().isEmpty() ? "no (survived)" : "yes";
        }
    }

    static Stream<String> mutants() {
        return Mutants.all().stream().map(Mutant::name);
    }

    @Test
    @Order(1)
    void theReferenceAppPassesEveryScenario() {
        Row row = run("reference", "reference", "-", null, true);

        assertThat(row.outcomes()).as("scenarios the suite ran against the reference app").hasSizeGreaterThan(20);
        assertThat(row.failed())
                .as("false alarms: scenarios that fail against the reference app\n%s", describe(row.failed()))
                .isEmpty();
        assertThat(row.outcomes()).extracting(Outcome::status).containsOnly("PASSED");
    }

    @ParameterizedTest(name = "mutant {0} is killed")
    @MethodSource("mutants")
    @Order(2)
    void everyMutantIsKilled(String name) {
        Mutant mutant = Mutants.named(name).orElseThrow();
        Row row = run("mutant:" + name, name, mutant.rule(), FULL_SUITE ? null : "@" + mutant.rule(), false);

        assertThat(row.failed()).as("scenarios that fail against mutant %s (%s)", name, mutant.bug()).isNotEmpty();
        assertThat(row.failed())
                .as("every failure against a mutant should be a conformance failure (AssertionError), not a harness fault\n%s",
                        describe(row.failed()))
                .allMatch(Outcome::conformanceFailure);
        KillExpectations.check(name, row.outcomes());
    }

    @AfterAll
    static void writeKillMatrix() throws IOException {
        if (MATRIX.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("# Kill matrix\n\n");
        b.append("| mutant | rule | scenarios failed/total | killed | scenarios run | time |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Row r : MATRIX.values()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d/%d | %s | %s | %.1f s |%n", r.iut(), r.rule(), r.failed().size(),
                    r.outcomes().size(), r.verdict(), r.tags() == null ? "all" : "`" + r.tags() + "`", r.millis() / 1000.0));
        }
        for (Row r : MATRIX.values()) {
            if (r.control()) {
                continue;
            }
            for (KillExpectations.KnownGap gap : KillExpectations.of(r.iut().substring("mutant:".length())).gaps()) {
                String status = r.outcomes().stream().filter(o -> o.name().equals(gap.scenario())).map(Outcome::status)
                        .findFirst().orElse("not run");
                b.append("\nSuite gap (").append(r.iut()).append("): \"").append(gap.scenario()).append("\" ")
                        .append(status).append(" against the mutant: ").append(gap.why()).append(".\n");
            }
        }
        for (Row r : MATRIX.values()) {
            if (r.failed().isEmpty()) {
                continue;
            }
            b.append("\n## ").append(r.iut()).append(": failed scenarios\n\n");
            for (Outcome o : r.failed()) {
                String first = o.message().lines().findFirst().orElse("");
                b.append("- ").append(o.name()).append(" (").append(shortUri(o)).append(':').append(o.line()).append(")  \n  `")
                        .append(first.replace('`', '\'')).append("`\n");
            }
        }
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("kill-matrix.md"), b, StandardCharsets.UTF_8);
        System.out.println(b);
    }

    /** Runs the whole Gherkin suite against {@code iut} in this JVM and records the row. */
    private static Row run(String iut, String dirName, String rule, String tags, boolean control) {
        InProcessSuite.Run r = InProcessSuite.run(iut, OUT.resolve(dirName), tags);
        Row row = new Row(iut, rule, tags, r.outcomes(), r.millis(), control);
        synchronized (MATRIX) {
            MATRIX.put(iut, row);
        }
        return row;
    }

    static String describe(List<Outcome> outcomes) {
        return InProcessSuite.describe(outcomes);
    }

    private static String shortUri(Outcome o) {
        return InProcessSuite.shortUri(o);
    }
}
