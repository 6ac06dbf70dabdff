package dev.callflow.steps;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioInputError;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.testing.Runs;
import dev.callflow.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At run time too (glue called directly, or a name the pre-check of the feature files did not see), an unknown event
 * name in an {@code {event}} step or an event table is the scenario's fault: a {@link ScenarioInputError}, exit 2.
 */
class EventNamesTest {

    @Test
    void anUnknownEventParameterIsAnInputErrorWithTheNamesMeant() {
        assertThat(EventParameter.kind("startAudio")).isEqualTo(EventKind.START_AUDIO);
        assertThatThrownBy(() -> EventParameter.kind("didActivate")).isInstanceOf(ScenarioInputError.class)
                .hasMessageContaining("'didActivate' is no event of the vocabulary; did you mean didActivateAudioSession");
    }

    @Test
    void everyAlternativeOfATableCellMustBeAKind() {
        EventNames.requireKnown("releaseAudio|unprepareSDK", "in row 1 of the event table");
        assertThatThrownBy(() -> EventNames.requireKnown("releaseAudio|userChoseDecline", "in row 3 of the event table"))
                .isInstanceOf(ScenarioInputError.class)
                .hasMessageStartingWith("Unknown event in row 3 of the event table: 'userChoseDecline' is no event of the "
                        + "vocabulary; did you mean userDeclinedOtherCall?");
    }

    @Test
    void aScenarioThatFailedWithAnInputErrorMakesTheRunExit2NotAHarnessFault() {
        ScenarioOutcome wrong = new ScenarioOutcome("file:///x.feature", 3, "typo", List.of(), "FAILED",
                ScenarioInputError.class.getName(), "Unknown event in a step: …", 1, List.of());
        ScenarioOutcome passed = new ScenarioOutcome("file:///x.feature", 9, "fine", List.of(), "PASSED", null, null, 1,
                List.of());
        assertThat(wrong.inputError()).isTrue();
        assertThat(wrong.harnessFault()).isFalse();
        assertThat(wrong.conformanceFailure()).isFalse();
        RunResult run = new RunResult(Runs.config("reference").build(), List.of(wrong, passed), List.of(), List.of(),
                0, List.of(), 0, List.of(), dev.callflow.harness.ReportWorkFigure.NONE);
        assertThat(run.exitCode()).isEqualTo(RunResult.USAGE);
    }
}
