package dev.callflow.mutants;

import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.runner.KillMatrix;
import dev.callflow.testing.Runs;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation testing of the Gherkin suite itself, through {@link KillMatrix} (the same code as
 * {@code ./callflow kill-matrix}): the reference app passes every scenario with no undeclared violation (no false
 * alarms); every mutant of a violation rule is killed: at least one scenario fails with an AssertionError, none with a
 * harness fault, and the rule the mutant was written to break fires (violated or warning) in at least one scenario.
 * A warning cannot fail a scenario, so a mutant of a warning rule, or of a deviation its rule only warns about
 * ({@link Mutant#warns()}), is flagged instead: its rule warns, undeclared, in at
 * least one scenario, and no scenario fails with a harness fault. The first three mutants also keep their precise
 * message expectations ({@link KillExpectations}).
 *
 * <p>Each mutant runs only the scenarios of its tags ({@link Mutant#tags()});
 * {@code -Dcallflow.mutants.fullSuite=true} runs every scenario against every mutant (slower; shows collateral kills).
 * The matrix is printed and written to {@code target/reports/kill-matrix.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutantKillTest {

    private static final boolean FULL_SUITE = Boolean.getBoolean("callflow.mutants.fullSuite");
    private static final Path REPORTS = Runs.HOME.resolve("target/reports");
    /** No report files per run: the matrix judges each run's result in memory. */
    private static final KillMatrix MATRIX = new KillMatrix(
            Runs.config("reference").threads(Integer.getInteger("callflow.mutants.threads", 2)).build(), null, FULL_SUITE,
            System.out);
    private static long started;

    static Stream<String> mutants() {
        return Mutants.all().stream().map(Mutant::name);
    }

    @Test
    @Order(1)
    void theReferenceAppPassesEveryScenarioWithNoUndeclaredViolation() {
        started = System.nanoTime();
        KillMatrix.Row row = MATRIX.control();

        assertThat(row.run().scenarios()).as("scenarios the suite ran against the reference app").hasSizeGreaterThan(100);
        assertThat(row.failed())
                .as("false alarms: scenarios that fail against the reference app\n%s", ScenarioOutcome.describe(row.failed()))
                .isEmpty();
        assertThat(row.run().scenarios()).extracting(ScenarioOutcome::status).containsOnly("PASSED");
        assertThat(row.undeclaredViolations()).as("rule violations no scenario declared, against the reference app").isEmpty();
    }

    @Test
    @Order(2)
    void theZooHasAtLeastThirtyMutantsEachWithItsRuleBugAndScenarios() {
        assertThat(Mutants.all()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Mutants.all()).extracting(Mutant::name).doesNotHaveDuplicates();
        for (Mutant m : Mutants.all()) {
            assertThat(m.rule()).as("rule of %s", m.name()).matches("R-[A-Z]+-\\d+");
            assertThat(dev.callflow.monitor.RuleCatalog.byId(m.rule())).as("rule of %s is in the catalogue", m.name()).isPresent();
            assertThat(m.bug()).as("bug of %s", m.name()).isNotBlank();
            assertThat(m.tags()).as("tags of %s", m.name()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "mutant {0} is killed (or, for a warning rule, flagged) by its rule")
    @MethodSource("mutants")
    @Order(3)
    void everyMutantIsCaughtByItsRule(String name) {
        Mutant mutant = Mutants.named(name).orElseThrow();
        KillMatrix.Row row = MATRIX.mutant(mutant);

        assertThat(row.run().scenarios()).as("scenarios run against mutant %s (tags %s)", name, row.tags()).isNotEmpty();
        if (row.warningRule()) {
            assertFlagged(name, mutant, row);
            return;
        }
        assertThat(row.conformanceFailures())
                .as("scenarios that fail with an AssertionError against mutant %s (%s)", name, mutant.bug()).isPositive();
        assertThat(row.harnessFaults())
                .as("failures against a mutant must be conformance failures (AssertionError), not harness faults\n%s",
                        ScenarioOutcome.describe(row.harnessFaults()))
                .isEmpty();
        assertThat(row.intendedRuleFired())
                .as("rule %s, which mutant %s was written to break, fires in at least one scenario; fired: %s",
                        mutant.rule(), name, row.rulesFired())
                .isTrue();
        KillExpectations.check(name, row.run().scenarios());
    }

    private static void assertFlagged(String name, Mutant mutant, KillMatrix.Row row) {
        assertThat(row.harnessFaults())
                .as("failures against a mutant must be conformance failures (AssertionError), not harness faults\n%s",
                        ScenarioOutcome.describe(row.harnessFaults()))
                .isEmpty();
        assertThat(row.intendedRuleWarned())
                .as("rule %s (a warning), which mutant %s was written to break, warns undeclared in at least one scenario; "
                        + "fired: %s", mutant.rule(), name, row.rulesFired())
                .isTrue();
        KillExpectations.check(name, row.run().scenarios());
    }

    @AfterAll
    static void writeKillMatrix() {
        if (MATRIX.rows().isEmpty()) {
            return;
        }
        String md = MATRIX.write(REPORTS.resolve("kill-matrix.md"));
        System.out.println(md);
        System.out.printf(Locale.ROOT, "MutantKillTest: %d runs in %.1f s; kill matrix in %s%n", MATRIX.rows().size(),
                (System.nanoTime() - started) / 1e9, REPORTS.resolve("kill-matrix.md"));
    }
}
