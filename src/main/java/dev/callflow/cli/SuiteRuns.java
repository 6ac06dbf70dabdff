package dev.callflow.cli;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.report.RunReports;
import dev.callflow.runner.SuiteRunner;
import io.cucumber.core.exception.CucumberException;
import picocli.CommandLine;

import java.util.Optional;

/** The suite run that {@code run} and {@code certify} share, with its usage errors said on the command's stderr. */
final class SuiteRuns {
    private SuiteRuns() {
    }

    /**
     * The run's result, or empty when it could not run (the reason is printed; the command exits
     * {@link CallflowCli#USAGE}).
     */
    static Optional<RunResult> run(RunConfig config, CommandLine command) {
        try {
            return Optional.of(SuiteRunner.run(config));
        } catch (CucumberException e) {
            command.getErr().println("The suite could not run: " + e.getMessage());
        } catch (RunReports.NotAReportsFolder e) {
            command.getErr().println(e.getMessage());
        }
        return Optional.empty();
    }
}
