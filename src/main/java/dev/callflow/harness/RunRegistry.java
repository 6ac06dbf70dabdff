package dev.callflow.harness;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which run each running scenario belongs to. Cucumber builds the glue with picocontainer, which can be handed no
 * object of ours; what the glue does get is its scenario, whose id is Cucumber's test case id. The run's Cucumber
 * plugin ({@code dev.callflow.runner.RunBinding}) binds that id to the run when the test case starts, before any hook,
 * and unbinds it when it finishes; the glue looks its run up here in its first hook. The map holds only that: no
 * setting and no result of any run, and an entry lives exactly as long as its scenario, so runs in one JVM, at the
 * same time or one after another, stay apart.
 */
public final class RunRegistry {
    private static final Map<String, RunContext> BY_TEST_CASE = new ConcurrentHashMap<>();

    private RunRegistry() { }

    /** From now until {@link #unbind}, the test case belongs to {@code run}. */
    public static void bind(UUID testCase, RunContext run) {
        BY_TEST_CASE.put(testCase.toString(), run);
    }

    public static void unbind(UUID testCase) {
        BY_TEST_CASE.remove(testCase.toString());
    }

    /**
     * The run of the scenario with this id ({@code io.cucumber.java.Scenario#getId()}).
     *
     * @throws IllegalStateException naming what to do when the scenario was started outside a callflow run
     */
    public static RunContext of(String scenarioId) {
        RunContext run = BY_TEST_CASE.get(scenarioId);
        if (run == null) {
            throw new IllegalStateException("This scenario belongs to no callflow run: run the suite through "
                    + "dev.callflow.runner.SuiteRunner (./callflow run), or, under the JUnit Platform, list "
                    + "dev.callflow.runner.PlatformRun in cucumber.plugin (see src/test/java/dev/callflow/RunCucumberTest.java)");
        }
        return run;
    }

    /** The run of the scenario with this id, if it is bound now. */
    public static java.util.Optional<RunContext> find(String scenarioId) {
        return java.util.Optional.ofNullable(BY_TEST_CASE.get(scenarioId));
    }

    /** How many scenarios are bound now, over all runs (for tests: zero once every run is over). */
    public static int bound() {
        return BY_TEST_CASE.size();
    }
}
