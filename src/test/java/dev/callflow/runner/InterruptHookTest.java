package dev.callflow.runner;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunResult;
import dev.callflow.report.RunReports;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly one of a run's two ends writes its reports: the normal end, or the hook SIGINT runs. */
class InterruptHookTest {
    private static final Path FEATURE = Runs.HOME.resolve("src/test/resources/interrupt/three-answers.feature");

    @TempDir
    Path reports;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aHookAfterTheNormalEndDoesNothing() throws Exception {
        RunConfig config = Runs.config("reference").features(List.of(FEATURE)).reportsDir(reports).build();
        try (RunContext run = RunContext.open(config)) {
            InterruptHook hook = InterruptHook.arm(run, selected(config), reports, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(hook.beginNormalEnd()).isTrue();
            hook.close();
            hook.onShutdown();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(reports.resolve(RunReports.SUMMARY)).doesNotExist();
    }

    @Test
    void aHookBeforeTheNormalEndWritesTheInterruptedReportsAndTheNormalEndThenWritesNothing() throws Exception {
        RunConfig config = Runs.config("reference").features(List.of(FEATURE)).reportsDir(reports).build();
        try (RunContext run = RunContext.open(config)) {
            InterruptHook hook = InterruptHook.arm(run, selected(config), reports, new PrintStream(err, true, StandardCharsets.UTF_8));
            hook.onShutdown();
            assertThat(hook.beginNormalEnd()).as("the normal end, after the hook").isFalse();
            RunResult result = hook.interruptedResult();
            hook.close();
            assertThat(result.exitCode()).isEqualTo(RunResult.INTERRUPTED);
            assertThat(result.interrupted().orElseThrow().describe()).isEqualTo("interrupted after 0 of 3 scenarios");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("callflow: interrupted after 0 of 3 scenarios");
        assertThat(Files.readString(reports.resolve(RunReports.VERDICT_COUNTS))).startsWith("interrupted=true\n");
    }

    private static List<FeatureFiles.Selected> selected(RunConfig config) {
        return SuiteRunner.select(config, FeatureFiles.of(config.home(), config.features()));
    }
}
