package dev.callflow.runner;

import dev.callflow.cli.CallflowCli;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunRegistry;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.report.ReportFiles;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One runner for every suite run: two runs in one JVM at the same time keep apart (their IUTs, scenarios, verdicts and
 * reports), and a config that cannot run is refused up front with every problem named.
 */
class SuiteRunnerTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoRunsAtOnceInOneJvmGiveIndependentResults() throws Exception {
        Path reports = Runs.HOME.resolve("target/suite-runner-test/mutant");
        ReportFiles.deleteRecursively(reports);
        RunConfig reference = Runs.config("reference").tags("@flow-answer").build();
        RunConfig mutant = Runs.config("mutant:start-audio-in-answer").tags("@R-AUD-2").reportsDir(reports).build();

        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> SuiteRunner.run(reference));
        CompletableFuture<RunResult> b = CompletableFuture.supplyAsync(() -> SuiteRunner.run(mutant));
        RunResult ref = a.get(150, TimeUnit.SECONDS);
        RunResult mut = b.get(150, TimeUnit.SECONDS);

        assertThat(ref.iut()).isEqualTo("reference");
        assertThat(ref.scenarios()).as("scenarios of @flow-answer").isNotEmpty()
                .allMatch(o -> o.tags().contains("@flow-answer"), "tagged @flow-answer");
        assertThat(ref.failed()).as("the reference app fails nothing\n%s", ScenarioOutcome.describe(ref.failed())).isEmpty();
        assertThat(ref.undeclaredViolations()).isEmpty();
        assertThat(ref.exitCode()).isEqualTo(RunResult.PASS);

        assertThat(mut.iut()).isEqualTo("mutant:start-audio-in-answer");
        assertThat(mut.scenarios()).as("scenarios of @R-AUD-2").isNotEmpty()
                .allMatch(o -> o.tags().contains("@R-AUD-2"), "tagged @R-AUD-2");
        assertThat(mut.conformanceFailures()).as("the mutant is caught").isPositive();
        assertThat(mut.harnessFaults()).isEmpty();
        assertThat(mut.fired()).extracting(VerdictRow::rule).contains("R-AUD-2");
        assertThat(mut.exitCode()).isEqualTo(RunResult.CONFORMANCE_FAILURE);
        assertThat(ref.verdicts()).as("each verdict belongs to a scenario of its own run")
                .allMatch(v -> ref.scenarios().stream().anyMatch(o -> o.name().equals(v.scenario())));
        assertThat(mut.verdicts()).allMatch(v -> mut.scenarios().stream().anyMatch(o -> o.name().equals(v.scenario())));

        assertThat(reports.resolve("summary.txt")).as("the run with a reports directory wrote its summary").exists();
        assertThat(Files.readString(reports.resolve("summary.txt"))).contains("mutant:start-audio-in-answer")
                .doesNotContain("implementation under test: reference");
        assertThat(reports.resolve("timelines")).isDirectory();
        assertThat(RunRegistry.bound()).as("no scenario is still bound to a run").isZero();
    }

    @Test
    void aConfigThatCannotRunNamesEveryProblemAndWhatToSupply() {
        assertThatThrownBy(() -> Runs.config("mutant:no-such-mutant").tags("@flow-answer and (").name("[").threads(0)
                .profile("slow").policy("lenient").hangGuardMillis("soon").features(Path.of("no/such.feature")).build())
                .isInstanceOf(RunConfig.InvalidRunConfig.class)
                .satisfies(e -> assertThat(((RunConfig.InvalidRunConfig) e).problems()).hasSize(8))
                .hasMessageContaining("Unknown mutant 'no-such-mutant'; ./callflow mutants lists each with its rule and bug. Known mutants: ")
                .hasMessageContaining("The tag expression '@flow-answer and (' does not parse")
                .hasMessageContaining("The name filter '[' is no regular expression")
                .hasMessageContaining("threads must be from 1 to 64, got 0")
                .hasMessageContaining("Unknown timing profile 'slow'; use 'realistic'")
                .hasMessageContaining("Unknown policy 'lenient'; use one of default, seed-strict, apple")
                .hasMessageContaining("The hang guard (--hang-guard) is a number of milliseconds")
                .hasMessageContaining("No feature file or directory at " + Runs.HOME.resolve("no/such.feature"));
    }

    @Test
    void aHomeWithoutFixturesSaysWhatTheHomeIs() {
        assertThatThrownBy(() -> RunConfig.builder(Path.of("/")).build())
                .isInstanceOf(RunConfig.InvalidRunConfig.class)
                .hasMessageContaining("No fixtures/ under /: give the project directory as the home");
    }

    @Test
    void theCliTurnsABadConfigIntoAUsageError() {
        assertThat(CallflowCli.execute("run", "--iut", "mutant:no-such-mutant", "--reports",
                Runs.HOME.resolve("target/suite-runner-test/usage").toString())).isEqualTo(CallflowCli.USAGE);
        assertThat(CallflowCli.execute("run", "--threads", "0")).isEqualTo(CallflowCli.USAGE);
    }

    /** An implementation that cannot start, or would listen beyond loopback, is refused before the run: exit 2. */
    @Test
    void anExternalImplementationThatCannotRunIsAUsageErrorBeforeTheRun() {
        assertThatThrownBy(() -> Runs.config("/no/such/program --flag").build())
                .isInstanceOf(RunConfig.InvalidRunConfig.class)
                .hasMessageContaining("The implementation's program '/no/such/program' was not found");
        assertThatThrownBy(() -> Runs.config("no-such-program-on-the-path app.py").build())
                .hasMessageContaining("'no-such-program-on-the-path' was not found on the PATH");
        assertThatThrownBy(() -> Runs.config("tcp-listen:0.0.0.0:7007").build())
                .hasMessageContaining("The harness listens on loopback only");
        assertThat(Runs.config("python3 examples/python-iut/app.py").build().iut()).isEqualTo("python3 examples/python-iut/app.py");
        assertThat(Runs.config("tcp-listen:127.0.0.1:0").build().iut()).isEqualTo("tcp-listen:127.0.0.1:0");
        assertThat(CallflowCli.execute("run", "--iut", "tcp-listen:0.0.0.0:0", "--reports",
                Runs.HOME.resolve("target/suite-runner-test/usage").toString())).isEqualTo(CallflowCli.USAGE);
    }
}
