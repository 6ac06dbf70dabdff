package dev.callflow.steps;

import dev.callflow.harness.RunResult;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A violation the scenario declares stays declared when a step before the declaration failed. */
class DeclaredRulesTest {
    private static final Path FEATURE = Runs.HOME.resolve("src/test/resources/selftest/declared_after_failure.feature");

    @Test
    void readsTheDeclarationsOfTheScenarioAtItsLine() {
        assertThat(DeclaredRules.of(FEATURE.toUri(), 6)).containsExactly("R-TX-2");
        assertThat(DeclaredRules.of(FEATURE.toUri(), 3)).as("the Background's line is no scenario").isEmpty();
    }

    @Test
    void outlineRowsEachDeclareTheirOwnRule() throws Exception {
        Path outline = java.nio.file.Files.createTempFile("outline", ".feature");
        java.nio.file.Files.writeString(outline, String.join("\n",
                "Feature: f",
                "  Scenario Outline: o",
                "    Then rule <rule> is violated",
                "    Examples:",
                "      | rule     |",
                "      | R-TX-1   |",
                "      | R-AUD-2  |",
                ""));
        assertThat(DeclaredRules.of(outline.toUri(), 6)).containsExactly("R-TX-1");
        assertThat(DeclaredRules.of(outline.toUri(), 7)).containsExactly("R-AUD-2");
    }

    @Test
    void aFailedTableBeforeTheDeclarationDoesNotMakeTheViolationUndeclared() {
        RunResult run = SuiteRunner.run(Runs.config("reference").threads(1).features(FEATURE).build());
        assertThat(run.scenarios()).singleElement().satisfies(o -> {
            assertThat(o.conformanceFailure()).as("the impossible table row fails the scenario: " + o.message()).isTrue();
            assertThat(o.message()).contains("didActivateAudioSession").doesNotContain("did not declare");
        });
        assertThat(run.verdicts()).filteredOn(v -> v.rule().equals("R-TX-2")).singleElement().satisfies(v -> {
            assertThat(v.fired()).as("R-TX-2 fires: the answer timed out").isTrue();
            assertThat(v.firedUndeclared()).as("R-TX-2 is declared by the scenario's text").isFalse();
        });
    }
}
