package dev.callflow.steps;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering, timing-window and state steps, run as scenarios against the reference app: they pass on a correct
 * flow, and each fails with a message that shows what it expected and what the timeline has.
 */
class OrderAndStateStepsTest {
    private static final Path SELFTEST = Runs.HOME.resolve("src/test/resources/selftest");

    @Test
    void theNewStepsPassOnACorrectFlow() {
        RunResult run = SuiteRunner.run(Runs.config("reference").features(SELFTEST.resolve("new_steps.feature")).build());
        assertThat(run.scenarios()).hasSize(7).allSatisfy(o ->
                assertThat(o.passed()).as(o.name() + ": " + o.message()).isTrue());
    }

    @Test
    void eachNewStepFailsWithWhatItExpectedAndWhatTheTimelineHas() {
        RunResult run = SuiteRunner.run(Runs.config("reference").features(SELFTEST.resolve("new_steps_failing.feature")).build());
        Map<String, ScenarioOutcome> byName = run.scenarios().stream()
                .collect(Collectors.toMap(ScenarioOutcome::name, Function.identity()));
        assertThat(byName).hasSize(6);

        assertThat(byName.get("Order that did not happen")).satisfies(o -> {
            assertThat(o.conformanceFailure()).as(o.message()).isTrue();
            assertThat(o.message()).contains("Expected performAnswerCallAction for call A after #")
                    .containsPattern("after #\\d+ \\+[0-9.]+ ms system didActivateAudioSession")
                    .containsPattern("every one came before it: \\[#\\d+ \\+[0-9.]+ ms system performAnswerCallAction");
        });
        assertThat(byName.get("Too slow for the window")).satisfies(o -> {
            assertThat(o.conformanceFailure()).as(o.message()).isTrue();
            assertThat(o.message()).contains("Expected didActivateAudioSession for call A within 100 ms after #")
                    .containsPattern("but it came [0-9.]+ ms after it: #\\d+ \\+[0-9.]+ ms system didActivateAudioSession");
        });
        assertThat(byName.get("Inside the forbidden window")).satisfies(o -> {
            assertThat(o.conformanceFailure()).as(o.message()).isTrue();
            assertThat(o.message()).contains("Expected no didActivateAudioSession before 5000 ms after #")
                    .containsPattern("the window \\[[0-9.]+ ms, [0-9.]+ ms\\)\\), but the timeline has \\[#\\d+");
        });
        assertThat(byName.get("Present after the anchor")).satisfies(o -> {
            assertThat(o.conformanceFailure()).as(o.message()).isTrue();
            assertThat(o.message()).contains("Expected no startAudio for call A after #")
                    .containsPattern("but the timeline has \\[#\\d+ \\+[0-9.]+ ms sdk startAudio");
        });
        assertThat(byName.get("The other call was declined")).satisfies(o -> {
            assertThat(o.harnessFault()).as("a scenario that waits for a call it declined is wrong itself: " + o.message()).isTrue();
            assertThat(o.message()).contains("The other call is over (#").contains("userDeclinedOtherCall");
        });
        assertThat(byName.get("A call is left")).satisfies(o -> {
            assertThat(o.conformanceFailure()).as(o.message()).isTrue();
            assertThat(o.message()).contains("Expected no call left in the system")
                    .contains("it still holds 1: call A (last: #");
        });
    }

    /**
     * The callee's answers and the other call's end, said right after the step that starts the flow, wait for the
     * state they need: under every seed the invite reaches the server before the callee's event, and the hold
     * completes before the other call ends. Before the fix the reference app left its start action open (R-TX-1).
     */
    @Test
    void stepsSaidAtOnceNeverRaceTheFlowUnderAnySeed() {
        for (long seed = 0; seed < 5; seed++) {
            RunResult run = SuiteRunner.run(Runs.config("reference").seed(seed)
                    .features(SELFTEST.resolve("races.feature")).build());
            long s = seed;
            assertThat(run.scenarios()).hasSize(6).allSatisfy(o ->
                    assertThat(o.passed()).as("seed " + s + ", " + o.name() + ": " + o.message()).isTrue());
        }
    }
}
