package dev.callflow.testing;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.runner.SuiteRunner;

import java.nio.file.Path;

/** The tests' way to run the suite: the same {@link SuiteRunner} as {@code ./callflow run}, from the project's home. */
public final class Runs {
    /** The project directory (Maven's {@code basedir} under Surefire). */
    public static final Path HOME = ProjectHome.detect();

    private Runs() { }

    /** A config for {@code iut} with the defaults: whole suite, 2 threads, realistic profile (virtual time), seed 0, default policy, no reports. */
    public static RunConfig.Builder config(String iut) {
        return RunConfig.builder(HOME).iut(iut);
    }

    /** The suite (restricted to {@code tags} unless null) against {@code iut}; reports to {@code reports} unless null. */
    public static RunResult run(String iut, Path reports, String tags) {
        return SuiteRunner.run(config(iut).tags(tags).reportsDir(reports).build());
    }
}
