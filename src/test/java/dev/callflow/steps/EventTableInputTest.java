package dev.callflow.steps;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A malformed event table is its writer's mistake, exit 2, never a harness fault (exit 3): it says what to write. */
class EventTableInputTest {
    private static final String FLOW = """
            Feature: malformed event tables

              Background:
                Given the app is running in the foreground
                When the server offers call A from "alice"

              Scenario: an unknown column
                Then the timeline shows in order:
                  | source | evnt                  | call |
                  | app    | reportNewIncomingCall | A    |

              Scenario: an order that is no number
                Then the timeline shows in order:
                  | order | source | event                 | call |
                  | first | app    | reportNewIncomingCall | A    |

              Scenario: an unknown source
                Then the timeline shows in order:
                  | source | event                 | call |
                  | sytem  | reportNewIncomingCall | A    |

              Scenario: an attribute without a value
                Then the timeline shows in order:
                  | source | event                 | call | attributes |
                  | app    | reportNewIncomingCall | A    | handle     |
            """;

    @Test
    void eachMalformedTableIsAnInputErrorThatSaysWhatToWrite(@TempDir Path dir) throws IOException {
        Path feature = dir.resolve("tables.feature");
        Files.writeString(feature, FLOW, StandardCharsets.UTF_8);

        RunResult run = SuiteRunner.run(Runs.config("reference").features(feature).build());

        assertThat(run.scenarios()).hasSize(4);
        assertThat(run.inputErrors()).extracting(ScenarioOutcome::name).containsExactlyInAnyOrder(
                "an unknown column", "an order that is no number", "an unknown source", "an attribute without a value");
        assertThat(run.harnessFaults()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.scenarios()).extracting(ScenarioOutcome::message).anySatisfy(m -> assertThat(m).contains("Unknown column(s) [evnt]"))
                .anySatisfy(m -> assertThat(m).contains("needs a whole number in its 'order' column, got 'first'"))
                .anySatisfy(m -> assertThat(m).contains("Unknown event source 'sytem'"))
                .anySatisfy(m -> assertThat(m).contains("must read key=value"));
    }
}
