package dev.callflow.steps;

import dev.callflow.harness.HarnessSettings;
import dev.callflow.harness.Infrastructure;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.RuleVerdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The run's shared servers and its measurements. Cucumber's {@code @BeforeAll}/{@code @AfterAll} hooks are static,
 * so the run's one instance lives here; scenarios only read it. Everything per scenario lives in
 * {@link ScenarioContext}.
 */
final class Suite {
    private static volatile Suite current;

    final HarnessSettings settings;
    final Infrastructure infrastructure;
    private final List<Long> setupMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<String> scenarioTimes = Collections.synchronizedList(new ArrayList<>());
    /** Rules that fired although the scenario did not declare it breaks them: warnings, or the violations that fail it. */
    private final Map<String, Integer> fired = new ConcurrentSkipListMap<>();
    /** Rules a scenario breaks on purpose ({@code Then rule R-… is violated}): no finding about the implementation. */
    private final Map<String, Integer> firedOnPurpose = new ConcurrentSkipListMap<>();
    /** The undeclared findings' texts, with how many times each came. */
    private final Map<String, Integer> findingTexts = new ConcurrentSkipListMap<>();

    private Suite(HarnessSettings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    static synchronized void start() {
        if (current == null) {
            HarnessSettings settings = HarnessSettings.fromSystemProperties();
            current = new Suite(settings, Infrastructure.start(settings));
        }
    }

    static Suite get() {
        Suite s = current;
        if (s == null) {
            throw new IllegalStateException("The suite's servers are not running: the @BeforeAll hook in "
                    + Hooks.class.getName() + " did not run (is dev.callflow.steps on the glue path?)");
        }
        return s;
    }

    static synchronized Suite stop() {
        Suite s = current;
        current = null;
        if (s != null) {
            s.infrastructure.close();
        }
        return s;
    }

    void noteSetup(long micros) {
        setupMicros.add(micros);
    }

    /**
     * One row per rule per scenario: what the kill matrix and a certificate are built from. {@code declared}: the
     * scenario breaks this rule on purpose ({@code Then rule R-… is violated}), so its violation is no false alarm.
     */
    public record VerdictRow(String feature, String scenario, int line, String rule, String outcome, int findings,
                             boolean declared, List<String> messages) { }

    private final List<VerdictRow> verdictRows = Collections.synchronizedList(new ArrayList<>());

    void noteVerdicts(String feature, String scenario, int line, List<RuleVerdict> verdicts, java.util.Set<String> declared) {
        for (RuleVerdict v : verdicts) {
            boolean onPurpose = declared.contains(v.rule().id());
            if (v.fired()) {
                (onPurpose ? firedOnPurpose : fired).merge(v.rule().id() + " " + v.outcome().label(), 1, Integer::sum);
                if (!onPurpose) {
                    v.findings().forEach(f -> findingTexts.merge(v.rule().id() + " " + f.severity().name().toLowerCase(Locale.ROOT)
                            + ": " + f.message(), 1, Integer::sum));
                }
            }
            verdictRows.add(new VerdictRow(feature, scenario, line, v.rule().id(), v.outcome().label(), v.findings().size(),
                    onPurpose, v.findings().stream().map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message()).toList()));
        }
    }

    List<VerdictRow> verdictRows() {
        synchronized (verdictRows) {
            return List.copyOf(verdictRows);
        }
    }

    void noteScenario(String line) {
        scenarioTimes.add(line);
    }

    /** Push-wake scenarios: how long, in virtual time, from APNs accepting the push to the app reporting its call. */
    private final Map<String, ColdStart> coldStarts = new ConcurrentSkipListMap<>();

    void noteColdStart(String scenario, ColdStart c) {
        coldStarts.merge(scenario, c, (a, b) -> a);
    }

    String summary() {
        List<Long> setups;
        synchronized (setupMicros) {
            setups = new ArrayList<>(setupMicros);
        }
        Collections.sort(setups);
        StringBuilder b = new StringBuilder();
        b.append("implementation under test: ").append(settings.iut());
        if (dev.callflow.iut.external.ExternalIuts.isExternal(settings.iut().trim())) {
            b.append(" (callflow-iut/2, hang guard ").append(settings.hangGuard().toMillis()).append(" ms)");
        }
        b.append('\n');
        b.append("timing profile: ").append(settings.timing().describe()).append('\n');
        b.append("seed: ").append(settings.seed()).append(" (orders what happens at the same virtual instant; ./callflow run --seed ")
                .append(settings.seed()).append(" repeats this run)\n");
        b.append("audio policy (run default): ").append(settings.policy().describe()).append('\n');
        b.append("rules: ").append(RuleCatalog.all().size()).append(" always on; fired undeclared (warnings, or violations "
                + "that fail their scenario): ").append(fired.isEmpty() ? "none" : fired.toString())
                .append("; broken on purpose by the scenarios that declare it (no finding about the implementation): ")
                .append(firedOnPurpose.isEmpty() ? "none" : firedOnPurpose.toString()).append('\n');
        if (!findingTexts.isEmpty()) {
            b.append("undeclared findings (rule, severity, text, times):\n");
            findingTexts.entrySet().stream().limit(40).forEach(e -> b.append("  ").append(e.getKey()).append("  x")
                    .append(e.getValue()).append('\n'));
            if (findingTexts.size() > 40) {
                b.append("  … ").append(findingTexts.size() - 40).append(" more in rule-verdicts.jsonl\n");
            }
        }
        b.append("servers started in: ").append(infrastructure.startMillis()).append(" ms\n");
        if (!setups.isEmpty()) {
            b.append(String.format(Locale.ROOT, "per-scenario harness set-up (fresh device, timeline, registrations): "
                            + "median %.2f ms, max %.2f ms over %d scenarios%n",
                    setups.get(setups.size() / 2) / 1000.0, setups.get(setups.size() - 1) / 1000.0, setups.size()));
        }
        if (!coldStarts.isEmpty()) {
            b.append("cold start after a VoIP push (virtual time: APNs accepted the push → the app reported its call; "
                    + "of which the process launch):\n");
            coldStarts.forEach((name, c) -> b.append(String.format(Locale.ROOT, "  %7.1f ms (launch %.1f ms)  %s%n",
                    c.pushToReportMicros() / 1000.0, c.launchMicros() / 1000.0, name)));
        }
        b.append("scenario wall times (real):\n");
        synchronized (scenarioTimes) {
            scenarioTimes.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }
}
