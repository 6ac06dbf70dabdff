package dev.callflow.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run found, in memory: every scenario's outcome and every rule's verdict in suite order, the undefined steps
 * with advice, and the run's figures (server start, per-scenario set-up, wall time). Report files are written from it;
 * the CLI's exit code and the tests' assertions read it, never a file.
 *
 * @param setupMicros per scenario, the harness's set-up cost (fresh device, timeline, registrations), sorted
 * @param coldStarts  per push-wake scenario (by name), its cold start in virtual time
 * @param reportWork  what rendering the sequence diagrams cost
 * @param iutHellos   the distinct names and versions an external implementation gave in its hellos (none for the
 *                    embedded apps)
 * @param interruption null unless the run was stopped (SIGINT, SIGTERM) before its scenarios were done: then the
 *                     scenarios are those finished by then
 */
public record RunResult(RunConfig config, List<ScenarioOutcome> scenarios, List<VerdictRow> verdicts,
                        List<String> undefinedSteps, long serverStartMillis, List<Long> setupMicros, long wallMillis,
                        List<ColdStartFigure> coldStarts, ReportWorkFigure reportWork,
                        List<IutHello> iutHellos, Interruption interruption) {

    /** Every scenario passed. */
    public static final int PASS = 0;
    /** A scenario failed with an assertion: the implementation is wrong. */
    public static final int CONFORMANCE_FAILURE = 1;
    /** An undefined or ambiguous step, or a scenario that failed with a {@link ScenarioInputError}: the input is wrong. */
    public static final int USAGE = 2;
    /** A scenario failed with an exception: the harness or its set-up is wrong. */
    public static final int HARNESS_FAULT = 3;
    /** The run was stopped by SIGINT before its scenarios were done (128 + 2, as a shell reports it). */
    public static final int INTERRUPTED = 130;

    public RunResult {
        scenarios = List.copyOf(scenarios);
        verdicts = List.copyOf(verdicts);
        undefinedSteps = List.copyOf(undefinedSteps);
        List<Long> sorted = new ArrayList<>(setupMicros);
        Collections.sort(sorted);
        setupMicros = List.copyOf(sorted);
        coldStarts = List.copyOf(coldStarts);
        iutHellos = iutHellos == null ? List.of() : List.copyOf(iutHellos);
    }

    /** A run that was not interrupted. */
    public RunResult(RunConfig config, List<ScenarioOutcome> scenarios, List<VerdictRow> verdicts, List<String> undefinedSteps,
                     long serverStartMillis, List<Long> setupMicros, long wallMillis, List<ColdStartFigure> coldStarts,
                     ReportWorkFigure reportWork, List<IutHello> iutHellos) {
        this(config, scenarios, verdicts, undefinedSteps, serverStartMillis, setupMicros, wallMillis, coldStarts, reportWork,
                iutHellos, null);
    }

    /** This result as the run's end when it was stopped by {@code interruption}. */
    public RunResult interrupted(Interruption interruption) {
        return new RunResult(config, scenarios, verdicts, undefinedSteps, serverStartMillis, setupMicros, wallMillis, coldStarts,
                reportWork, iutHellos, interruption);
    }

    public java.util.Optional<Interruption> interrupted() {
        return java.util.Optional.ofNullable(interruption);
    }

    /** A result with no hello heard (the embedded apps, or a result made by hand). */
    public RunResult(RunConfig config, List<ScenarioOutcome> scenarios, List<VerdictRow> verdicts, List<String> undefinedSteps,
                     long serverStartMillis, List<Long> setupMicros, long wallMillis, List<ColdStartFigure> coldStarts,
                     ReportWorkFigure reportWork) {
        this(config, scenarios, verdicts, undefinedSteps, serverStartMillis, setupMicros, wallMillis, coldStarts, reportWork,
                List.of());
    }

    public String iut() {
        return config.iut();
    }

    public List<ScenarioOutcome> failed() {
        return scenarios.stream().filter(ScenarioOutcome::failed).toList();
    }

    public long passed() {
        return scenarios.stream().filter(ScenarioOutcome::passed).count();
    }

    public long conformanceFailures() {
        return scenarios.stream().filter(ScenarioOutcome::conformanceFailure).count();
    }

    public List<ScenarioOutcome> harnessFaults() {
        return scenarios.stream().filter(ScenarioOutcome::harnessFault).toList();
    }

    /** The scenarios whose writer got them wrong ({@link ScenarioOutcome#inputError()}). */
    public List<ScenarioOutcome> inputErrors() {
        return scenarios.stream().filter(ScenarioOutcome::inputError).toList();
    }

    public long undefinedScenarios() {
        return scenarios.stream().filter(ScenarioOutcome::undefined).count();
    }

    /** The verdicts that fired (violated or warning). */
    public List<VerdictRow> fired() {
        return verdicts.stream().filter(VerdictRow::fired).toList();
    }

    /** Violations no scenario declared: each is a finding about the implementation (or a false alarm). */
    public List<VerdictRow> undeclaredViolations() {
        return verdicts.stream().filter(VerdictRow::undeclaredViolation).toList();
    }

    /** Every scenario that ran passed, and some ran. */
    public boolean allPassed() {
        return !scenarios.isEmpty() && scenarios.stream().allMatch(ScenarioOutcome::passed);
    }

    /** The median of the per-scenario set-up cost, in microseconds; 0 when no scenario ran. */
    public long setupMedianMicros() {
        return setupMicros.isEmpty() ? 0 : setupMicros.get(setupMicros.size() / 2);
    }

    public long setupMaxMicros() {
        return setupMicros.isEmpty() ? 0 : setupMicros.get(setupMicros.size() - 1);
    }

    /**
     * The CLI's exit code: {@link #INTERRUPTED} for a run that was stopped, else {@link #USAGE} for an undefined step or a scenario's input error, else {@link #HARNESS_FAULT} when a scenario failed
     * with an exception, else {@link #CONFORMANCE_FAILURE} when one failed with an assertion (or did not pass for
     * another reason, e.g. a pending step), else {@link #PASS}.
     */
    public int exitCode() {
        if (interruption != null) {
            return INTERRUPTED;
        }
        if (undefinedScenarios() > 0 || !undefinedSteps.isEmpty() || !inputErrors().isEmpty()) {
            return USAGE;
        }
        if (!harnessFaults().isEmpty()) {
            return HARNESS_FAULT;
        }
        boolean notPassed = scenarios.stream().anyMatch(o -> !o.passed() && !"SKIPPED".equals(o.status()));
        return notPassed ? CONFORMANCE_FAILURE : PASS;
    }
}
