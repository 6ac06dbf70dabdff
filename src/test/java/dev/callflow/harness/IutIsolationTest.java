package dev.callflow.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, row 7, end to end: an external IUT (src/test/resources/iut-attacks/control_plane_attacker.py) that, after
 * the harness's hello, goes around the protocol to every port its harness listens on, and tries to read and plant
 * WireMock stubs, forge server events through the relay and the phones' gateway, reset WireMock and shut it down.
 * Every attempt is refused, and each scenario (the attacker runs once per scenario) still passes on the same servers.
 */
class IutIsolationTest {
    private static final String SCENARIOS = "Answer on the system call UI with the phone unlocked"
            + "|The caller cancels before the user answers|Hang up from the lock screen's system call UI";

    @Test
    void anIutThatAttacksTheControlPlaneChangesNothingAndLaterScenariosPass() throws Exception {
        Path out = Runs.HOME.resolve("target/iut-isolation");
        Files.createDirectories(out);
        Path attempts = out.resolve("attempts.txt");
        Files.deleteIfExists(attempts);
        String iut = "\"" + System.getProperty("callflow.python", "python3") + "\" "
                + "src/test/resources/iut-attacks/control_plane_attacker.py " + attempts;

        RunResult run = SuiteRunner.run(Runs.config(iut).name(SCENARIOS).threads(2).build());

        List<String> lines = Files.readAllLines(attempts);
        assertThat(lines).as("the attacker found its harness's ports and tried WireMock's admin API")
                .anyMatch(l -> l.endsWith(" GET /__admin/mappings 401"));
        assertThat(lines).as("every attempt on the control plane is refused (no 2xx): port method path status")
                .noneMatch(l -> l.matches(".* 2\\d\\d$"));
        assertThat(run.harnessFaults()).as(ScenarioOutcome.describe(run.harnessFaults())).isEmpty();
        assertThat(run.failed()).as(ScenarioOutcome.describe(run.failed())).isEmpty();
        assertThat(run.scenarios()).as("the three chosen scenarios ran").hasSize(3);
        assertThat(run.exitCode()).isEqualTo(RunResult.PASS);
    }
}
