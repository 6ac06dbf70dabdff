package dev.callflow.runner;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.report.FailureDigest;
import dev.callflow.testing.Golden;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole failure messages of real runs, pinned: a mutant whose table and always-on rule both fail, a mutant whose wait
 * fails, an external implementation that exits and one that hangs in its answer handler. Time is virtual and ids come
 * from the seed, so the messages are the same on every run; only an external app's process id is normalised.
 */
class FailureMessagesGoldenTest {
    private static final String UNLOCKED = "^Answer on the system call UI with the phone unlocked$";
    private static final String SEED_SAMPLE = "^Answer, then hang up in the app: the flow of the seed's sample log$";
    private static final String MISBEHAVING = "python3 src/test/resources/iut-faults/misbehaving_app.py ";
    /** A fixed copy of the two scenarios: ids come from a scenario's file and line, which the suite's files change. */
    private static final java.nio.file.Path PINNED = Runs.HOME.resolve("src/test/resources/golden-features/failures.feature");

    private static ScenarioOutcome onlyFailure(RunConfig.Builder config) {
        RunResult r = SuiteRunner.run(config.build());
        assertThat(r.scenarios()).as("the one scenario selected").hasSize(1);
        ScenarioOutcome o = r.scenarios().get(0);
        assertThat(o.conformanceFailure()).as("a conformance failure\n%s", ScenarioOutcome.describe(r.scenarios())).isTrue();
        return o;
    }

    /** The first failure leads, the observed flow shows attributes, and R-AUD-2, undeclared, follows the table's error. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMutantFailsATableAndAnUndeclaredRule() throws Exception {
        ScenarioOutcome o = onlyFailure(Runs.config("mutant:start-audio-in-answer").features(PINNED).name(UNLOCKED));
        assertThat(o.undeclaredViolations()).containsExactly("R-AUD-2");
        Golden.assertMatches("run-mutant-table-and-rule.txt", FailureDigest.of(o, 0));
    }

    /** "Waited for media to start" leads with the startAudio that failed, and the timeline dump has #N and call A. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMutantsWaitLeadsWithTheFailureOfWhatItAwaited() throws Exception {
        ScenarioOutcome o = onlyFailure(Runs.config("mutant:start-audio-in-answer").features(PINNED).name(SEED_SAMPLE));
        assertThat(o.message()).startsWith("First failure: #");
        Golden.assertMatches("run-mutant-wait.txt", o.message());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anImplementationThatExitsIsNamedFirst() throws Exception {
        ScenarioOutcome o = onlyFailure(Runs.config(MISBEHAVING + "exit-on-answer").features(PINNED).name(UNLOCKED));
        Golden.assertMatches("run-iut-exits.txt", FailureDigest.of(o, 0));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anImplementationThatHangsIsNamedFirst() throws Exception {
        ScenarioOutcome o = onlyFailure(Runs.config(MISBEHAVING + "hang-on-answer").features(PINNED).name(SEED_SAMPLE)
                .hangGuard(Duration.ofSeconds(5)));
        Golden.assertMatches("run-iut-hangs.txt", o.message().replaceAll("process \\d+", "process <pid>"));
    }
}
