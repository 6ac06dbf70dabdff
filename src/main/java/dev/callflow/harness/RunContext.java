package dev.callflow.harness;

import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.platform.AppFactory;
import dev.callflow.rules.RuleVerdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One run while it runs: its config, its servers, the implementation's factory, and what its scenarios report (rule
 * verdicts, set-up costs, outcomes). The glue finds it through {@link RunRegistry}; nothing of it is static, so two
 * runs in one JVM never see each other's servers or results. {@link #result} freezes it into a {@link RunResult}.
 */
public final class RunContext implements AutoCloseable {
    private final RunConfig config;
    private final HarnessSettings settings;
    private final Infrastructure infrastructure;
    private final AppFactory app;
    private final long startNanos;
    private final List<Long> setupMicros = new ArrayList<>();
    private final List<VerdictRow> verdicts = new ArrayList<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final List<String> undefinedSteps = new ArrayList<>();
    /** The rules each running scenario broke undeclared, by Cucumber's test case id, until its outcome is in. */
    private final Map<String, List<String>> undeclared = new ConcurrentHashMap<>();
    /** What the always-on rules found in each running scenario that had already failed, until its outcome is in. */
    private final Map<String, String> alsoFound = new ConcurrentHashMap<>();
    private final Map<String, ColdStartFigure> coldStarts = new ConcurrentSkipListMap<>();
    /** Every rule's verdict on each running scenario, by test case id, until its report takes it. */
    private final Map<String, ScenarioVerdicts> verdictsByCase = new ConcurrentHashMap<>();
    private final ReportWork reportWork = new ReportWork();
    /** The distinct hellos of the run's external implementation (one per app launch, usually all alike). */
    private volatile boolean stopped;
    private final Set<IutHello> hellos = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

    private RunContext(RunConfig config, Infrastructure infrastructure, long startNanos) {
        this.config = config;
        this.startNanos = startNanos;
        this.settings = config.settings();
        this.infrastructure = infrastructure;
        AppFactory resolved;
        try {
            resolved = ImplementationsUnderTest.resolve(config.iut(), infrastructure.externalIuts());
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        this.app = resolved;
    }

    /** Starts the run's servers (loopback, dynamic ports) and resolves its implementation under test. */
    public static RunContext open(RunConfig config) {
        long t0 = System.nanoTime();
        return new RunContext(config, Infrastructure.start(config.settings()), t0);
    }

    public RunConfig config() { return config; }

    public HarnessSettings settings() { return settings; }

    public Infrastructure infrastructure() { return infrastructure; }

    /**
     * A fresh scenario world on this run's servers: new timeline, device and registrations; its cost is recorded.
     *
     * @param where the scenario's feature file and line: its ids are drawn from the seed and this, so they do not
     *              depend on which scenarios ran before it
     */
    /**
     * A fresh rig for the scenario at {@code feature}'s {@code line}. Its ids come from the seed and this place, taken
     * relative to the project's home, so that a run repeats byte for byte in any checkout.
     */
    public ScenarioRig newRig(java.net.URI feature, int line) {
        String where = "file".equals(feature.getScheme())
                ? config.home().toAbsolutePath().normalize().relativize(java.nio.file.Path.of(feature).toAbsolutePath().normalize())
                        .toString().replace('\\', '/')
                : feature.toString();
        return newRig(where + ":" + line);
    }

    public ScenarioRig newRig(String where) {
        long t0 = System.nanoTime();
        ScenarioRig rig = ScenarioRig.create(infrastructure, settings, app, where);
        long micros = (System.nanoTime() - t0) / 1000;
        synchronized (setupMicros) {
            setupMicros.add(micros);
        }
        return rig;
    }

    /**
     * What every rule said about one scenario; {@code declared}: the rules it breaks on purpose.
     *
     * @param testCase Cucumber's id of the scenario's test case ({@code Scenario.getId()})
     */
    public void noteVerdicts(String testCase, String featureUri, String scenario, int line, List<RuleVerdict> judged,
                             Set<String> declared) {
        List<VerdictRow> rows = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (RuleVerdict v : judged) {
            boolean onPurpose = declared.contains(v.rule().id());
            rows.add(new VerdictRow(featureUri, scenario, line, v.rule().id(), v.outcome().label(), v.findings().size(),
                    onPurpose, v.findings().stream().map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message())
                    .toList()));
            if (v.failed() && !onPurpose) {
                broken.add(v.rule().id());
            }
        }
        synchronized (verdicts) {
            verdicts.addAll(rows);
        }
        undeclared.put(testCase, broken.stream().sorted().toList());
        verdictsByCase.put(testCase, new ScenarioVerdicts(judged, declared));
    }

    /**
     * The always-on rules' undeclared violations in a scenario a step had already failed: its outcome's message gets
     * them after the step's error ({@link ScenarioOutcome#ALSO_FOUND}), so that neither hides the other.
     */
    public void noteAlsoFound(String testCase, String section) {
        alsoFound.put(testCase, section);
    }


    /** What {@link #noteVerdicts} was told about a running scenario. */
    public java.util.Optional<ScenarioVerdicts> verdicts(String testCase) {
        return java.util.Optional.ofNullable(verdictsByCase.get(testCase));
    }

    /** What {@link #noteVerdicts} was told about a scenario, once: for its report. */
    public java.util.Optional<ScenarioVerdicts> takeVerdicts(String testCase) {
        return java.util.Optional.ofNullable(verdictsByCase.remove(testCase));
    }

    /** An external implementation's {@code iutHello}, as the scenario's timeline recorded it. */
    public void noteIutHello(IutHello hello) {
        hellos.add(hello);
    }

    /** The run's background report work (sequence diagrams). */
    public ReportWork reportWork() { return reportWork; }

    /** A finished scenario, as Cucumber reports it; joined with the rules it broke undeclared. */
    public void scenarioFinished(String testCase, String uri, int line, String name, Collection<String> tags,
                                 String status, Throwable error, double wallMillis) {
        List<String> broken = undeclared.remove(testCase);
        String also = alsoFound.remove(testCase);
        String message = error == null ? "" : String.valueOf(error.getMessage()) + (also == null ? "" : "\n\n" + also);
        ScenarioOutcome o = new ScenarioOutcome(uri, line, name, List.copyOf(tags), status,
                error == null ? "" : error.getClass().getName(), message,
                wallMillis, broken == null ? List.of() : broken);
        synchronized (outcomes) {
            outcomes.add(o);
        }
    }

    /** A selected scenario that never finished: a harness fault, named, with why. */
    public void scenarioNeverFinished(String uri, int line, String name, Collection<String> tags, String why) {
        synchronized (outcomes) {
            outcomes.add(ScenarioOutcome.neverFinished(uri, line, name, List.copyOf(tags), why));
        }
    }

    /** A push-wake scenario's cold start, in virtual time; the first one noted for a scenario name counts. */
    public void noteColdStart(String scenario, long pushToReportMicros, long launchMicros) {
        coldStarts.putIfAbsent(scenario, new ColdStartFigure(scenario, pushToReportMicros, launchMicros));
    }

    /** A step no glue defines, with advice on what to write instead. */
    public void undefinedStep(String advice) {
        synchronized (undefinedSteps) {
            undefinedSteps.add(advice);
        }
    }

    /**
     * The run was stopped from outside (SIGINT, SIGTERM): what finished so far. A scenario that ends from now on
     * (its implementation killed by the same signal) writes no timeline or diagram, so the reports stay those of the
     * scenarios finished when the run was stopped.
     */
    public RunResult stop() {
        stopped = true;
        return result();
    }

    public boolean stopped() {
        return stopped;
    }

    /** Everything so far, in suite order (feature, then line), whatever thread finished first. */
    public RunResult result() {
        List<ScenarioOutcome> os;
        synchronized (outcomes) {
            os = new ArrayList<>(outcomes);
        }
        os.sort(Comparator.comparing(ScenarioOutcome::uri).thenComparingInt(ScenarioOutcome::line));
        List<VerdictRow> vs;
        synchronized (verdicts) {
            vs = new ArrayList<>(verdicts);
        }
        vs.sort(Comparator.comparing(VerdictRow::feature).thenComparingInt(VerdictRow::line));
        List<String> undefined;
        synchronized (undefinedSteps) {
            undefined = undefinedSteps.stream().distinct().sorted().toList();
        }
        List<Long> setups;
        synchronized (setupMicros) {
            setups = List.copyOf(setupMicros);
        }
        return new RunResult(config, os, vs, undefined, infrastructure.startMillis(), setups,
                (System.nanoTime() - startNanos) / 1_000_000, List.copyOf(coldStarts.values()), reportWork.figure(),
                iutHellos());
    }

    private List<IutHello> iutHellos() {
        synchronized (hellos) {
            return hellos.stream().sorted(Comparator.comparing(IutHello::name).thenComparing(IutHello::version)).toList();
        }
    }

    /** Stops the run's servers and external implementations. */
    @Override
    public void close() {
        reportWork.close();
        infrastructure.close();
    }
}
