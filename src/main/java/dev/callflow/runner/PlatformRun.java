package dev.callflow.runner;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunResult;
import dev.callflow.report.RunReports;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;

import java.nio.file.Path;

/**
 * The callflow run of a Cucumber execution that the JUnit Platform starts ({@code mvn test}'s {@code RunCucumberTest},
 * one JUnit test per scenario), where no {@link SuiteRunner} is in charge: listed in {@code cucumber.plugin} with the
 * reports directory as its argument ({@code dev.callflow.runner.PlatformRun:target/reports}). It builds the run's
 * {@link RunConfig} once, opens the run when the test run starts, binds each scenario to it as {@link RunBinding}
 * does, and writes the reports when the test run finishes.
 *
 * <p>The implementation under test comes from the {@value #IUT_PROPERTY} system property
 * ({@code mvn test -Dcallflow.iut="python3 examples/python-iut/app.py"}), read here once: the documented entry point of
 * this one boundary. Nothing else reads it, so it cannot leak into the runs the other tests start.
 */
public final class PlatformRun implements ConcurrentEventListener {
    public static final String IUT_PROPERTY = "callflow.iut";

    private final RunConfig config;
    private volatile RunContext run;

    public PlatformRun(String reportsDir) {
        Path home = ProjectHome.detect();
        this.config = RunConfig.builder(home).iut(System.getProperty(IUT_PROPERTY, "reference"))
                .reportsDir(home.resolve(reportsDir)).build();
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> run = RunContext.open(config));
        new RunBinding(this::run).setEventPublisher(publisher);
        publisher.registerHandlerFor(TestRunFinished.class, e -> finish());
    }

    private RunContext run() {
        RunContext r = run;
        if (r == null) {
            throw new IllegalStateException("A scenario started before the test run did: no callflow run is open");
        }
        return r;
    }

    private void finish() {
        RunContext r = run;
        if (r == null) {
            return;
        }
        run = null;
        try {
            r.reportWork().finish(SuiteRunner.REPORT_WORK_BOUND);
            RunResult result = r.result();
            RunReports.write(result, config.reportsDir().orElseThrow());
            result.undefinedSteps().forEach(System.err::print);
        } finally {
            r.close();
        }
    }
}
