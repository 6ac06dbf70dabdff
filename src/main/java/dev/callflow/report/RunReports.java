package dev.callflow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.iut.external.ExternalIuts;
import dev.callflow.monitor.RuleCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The files a run writes from its {@link RunResult}: {@code summary.txt}, {@code rule-verdicts.jsonl},
 * {@code verdict.properties} and {@code failures.txt}. They are for people and CI; nothing of the harness reads them
 * back.
 */
public final class RunReports {
    public static final String SUMMARY = "summary.txt";
    public static final String VERDICTS = "rule-verdicts.jsonl";
    public static final String VERDICT_COUNTS = "verdict.properties";
    public static final String FAILURES = "failures.txt";
    /** The scenarios that did not pass, one {@code path:line} a line relative to the home: Cucumber's rerun format. */
    public static final String RERUN = "rerun.txt";
    /** The folder {@code ./callflow certify} adds to a run's reports. */
    public static final String CERTIFICATE = "certificate";
    /** Everything a run writes under its reports directory, for cleaning before the next one. */
    public static final List<String> OUTPUTS = List.of(CERTIFICATE, "timelines", "allure-results", AllureHtml.DIR, AllureHtml.DIR + ".log", "junit", "cucumber.html", SUMMARY,
            VERDICTS, VERDICT_COUNTS, FAILURES, RERUN);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDING_TEXTS = 40;

    private RunReports() { }

    /** Writes the four files to {@code dir}. */
    public static void write(RunResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SUMMARY), summary(result), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(VERDICTS), verdictLines(result.verdicts()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(VERDICT_COUNTS), verdictCounts(result), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(FAILURES), failures(result), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RERUN), rerun(result.config().home(), result.scenarios()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the run's reports under " + dir, e);
        }
    }

    /** Removes what an earlier run wrote to {@code dir} (and nothing else: {@code reports/README.md} stays). */
    public static void clean(Path dir) {
        OUTPUTS.forEach(name -> ReportFiles.deleteRecursively(dir.resolve(name)));
    }

    /**
     * IUT, timing profile, policy, seed, the rules that fired undeclared (with each finding's text) apart from those
     * scenarios break on purpose, server start time, per-scenario set-up cost, wall time, and one line per scenario.
     */
    public static String summary(RunResult r) {
        StringBuilder b = new StringBuilder();
        b.append("implementation under test: ").append(r.iut());
        if (ExternalIuts.isExternal(r.iut())) {
            b.append(" (callflow-iut/2, hang guard ").append(r.config().hangGuard().toMillis()).append(" ms)");
        }
        b.append('\n');
        b.append("timing profile: ").append(r.config().timing().describe()).append('\n');
        b.append("audio policy (run default): ").append(r.config().policy().describe()).append('\n');
        b.append("seed: ").append(r.config().seed()).append(" (orders what happens at the same virtual instant; "
                + "./callflow run --seed ").append(r.config().seed()).append(" repeats this run)\n");
        Map<String, Integer> fired = new TreeMap<>();
        Map<String, Integer> onPurpose = new TreeMap<>();
        Map<String, Integer> texts = new TreeMap<>();
        for (VerdictRow v : r.verdicts()) {
            if (!v.fired()) {
                continue;
            }
            (v.declared() ? onPurpose : fired).merge(v.rule() + " " + v.outcome(), 1, Integer::sum);
            if (!v.declared()) {
                v.messages().forEach(m -> texts.merge(v.rule() + " " + m, 1, Integer::sum));
            }
        }
        b.append("rules: ").append(RuleCatalog.all().size()).append(" always on; fired undeclared (warnings, or violations "
                + "that fail their scenario): ").append(fired.isEmpty() ? "none" : fired.toString())
                .append("; broken on purpose by the scenarios that declare it (no finding about the implementation): ")
                .append(onPurpose.isEmpty() ? "none" : onPurpose.toString()).append('\n');
        if (!texts.isEmpty()) {
            b.append("undeclared findings (rule, severity, text, times):\n");
            texts.entrySet().stream().limit(MAX_FINDING_TEXTS).forEach(e -> b.append("  ").append(e.getKey()).append("  x")
                    .append(e.getValue()).append('\n'));
            if (texts.size() > MAX_FINDING_TEXTS) {
                b.append("  … ").append(texts.size() - MAX_FINDING_TEXTS).append(" more in ").append(VERDICTS).append('\n');
            }
        }
        b.append(String.format(Locale.ROOT, "scenarios: %d, passed %d, conformance failures %d, harness faults %d, "
                        + "undefined %d%s%n", r.scenarios().size(), r.passed(), r.conformanceFailures(), r.harnessFaults().size(),
                r.undefinedScenarios(), r.inputErrors().isEmpty() ? "" : ", input errors (the scenario is wrong) "
                        + r.inputErrors().size()));
        b.append("servers started in: ").append(r.serverStartMillis()).append(" ms\n");
        if (!r.setupMicros().isEmpty()) {
            b.append(String.format(Locale.ROOT, "per-scenario harness set-up (fresh device, timeline, registrations): "
                            + "median %.2f ms, max %.2f ms over %d scenarios%n",
                    r.setupMedianMicros() / 1000.0, r.setupMaxMicros() / 1000.0, r.setupMicros().size()));
        }
        if (!r.coldStarts().isEmpty()) {
            b.append("cold start after a VoIP push (virtual time: APNs accepted the push → the app reported its call; "
                    + "of which the process launch):\n");
            r.coldStarts().forEach(c -> b.append(String.format(Locale.ROOT, "  %7.1f ms (launch %.1f ms)  %s%n",
                    c.pushToReportMicros() / 1000.0, c.launchMicros() / 1000.0, c.scenario())));
        }
        if (r.reportWork().items() > 0) {
            b.append(String.format(Locale.ROOT, "sequence diagrams: %d drawn on a background thread in %.1f s (%.0f ms "
                            + "each); the run waited %d ms for the last ones%n", r.reportWork().items(),
                    r.reportWork().busyMillis() / 1000.0, (double) r.reportWork().busyMillis() / r.reportWork().items(),
                    r.reportWork().waitedMillis()));
        }
        b.append(String.format(Locale.ROOT, "wall time: %.1f s with %d thread(s)%n", r.wallMillis() / 1000.0,
                r.config().threads()));
        r.scenarios().forEach(o -> b.append(o.summaryLine()).append('\n'));
        return b.toString();
    }

    /** One JSON object per rule per scenario. */
    public static String verdictLines(List<VerdictRow> rows) {
        StringBuilder b = new StringBuilder();
        try {
            for (VerdictRow row : rows) {
                b.append(JSON.writeValueAsString(row)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a rule verdict as JSON", e);
        }
        return b.toString();
    }

    /** Counts of passes, conformance failures, harness faults and undefined steps. */
    public static String verdictCounts(RunResult r) {
        return "passed=" + r.passed() + "\nconformanceFailures=" + r.conformanceFailures() + "\nharnessFaults="
                + r.harnessFaults().size() + "\nundefinedSteps=" + r.undefinedScenarios() + "\n" + neverFinished(r);
    }

    /** The scenarios that never finished, by place and name (nothing when every selected scenario finished). */
    private static String neverFinished(RunResult r) {
        List<ScenarioOutcome> lost = r.scenarios().stream().filter(ScenarioOutcome::neverFinished).toList();
        if (lost.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("neverFinished=").append(lost.size()).append('\n');
        for (int i = 0; i < lost.size(); i++) {
            b.append("neverFinished.").append(i + 1).append('=').append(lost.get(i).where()).append(' ')
                    .append(lost.get(i).name()).append('\n');
        }
        return b.toString();
    }

    /** The rerun file's text: each scenario that did not pass (skipped ones aside) as {@code path:line}, in suite order. */
    public static String rerun(Path home, List<ScenarioOutcome> outcomes) {
        return outcomes.stream().filter(o -> !o.passed() && !"SKIPPED".equals(o.status()))
                .map(o -> relative(home, o.uri()) + ":" + o.line()).distinct().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** A feature's path relative to the home with '/', or its URI when it is no file under the home. */
    static String relative(Path home, String uri) {
        if (!uri.startsWith("file:")) {
            return uri;
        }
        Path file = Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
        return (file.startsWith(home) ? home.relativize(file) : file).toString().replace('\\', '/');
    }

    /** The head of each failed scenario's error, in suite order. */
    public static String failures(RunResult r) {
        return r.failed().stream().map(o -> FailureDigest.of(o, r.config().seed())).collect(Collectors.joining("\n"));
    }

}
