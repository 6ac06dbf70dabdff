package dev.callflow.iut.external;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, row 4: a scenario's failure message leads with the IUT's verdict, not only with what the scenario waited
 * for ("login did not happen within 5000 ms"), for each way a process can stop answering. Real runs of one pinned
 * scenario against src/test/resources/iut-faults/process_iut.py MODE.
 */
class IutVerdictMessagesTest {
    private static final Path PINNED = Runs.HOME.resolve("src/test/resources/golden-features/failures.feature");
    private static final String UNLOCKED = "^Answer on the system call UI with the phone unlocked$";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "hello-then-sleep|The implementation hung in its handler for application(_:didFinishLaunchingWithOptions:) for 2000 ms",
        "never-read|The implementation hung in its handler for application(_:didFinishLaunchingWithOptions:) for 2000 ms",
        "close-stdout|The implementation exited (its channel closed)",
        "orphan|The implementation exited (code 5)",
    })
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theFailureMessageLeadsWithTheVerdict(String mode, String verdict) {
        RunResult r = SuiteRunner.run(Runs.config(PythonIutTest.PYTHON + " src/test/resources/iut-faults/process_iut.py " + mode)
                .features(PINNED).name(UNLOCKED).hangGuard(Duration.ofSeconds(2)).build());
        assertThat(r.scenarios()).hasSize(1);
        ScenarioOutcome o = r.scenarios().get(0);
        assertThat(o.conformanceFailure()).as("a conformance failure\n%s", ScenarioOutcome.describe(r.scenarios())).isTrue();
        assertThat(o.message()).as("the failure message").startsWith(verdict);
    }
}
