package dev.callflow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.harness.Interruption;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.iut.external.ExternalIuts;
import dev.callflow.monitor.RuleCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    /** Cucumber's JUnit XML, for CI. */
    public static final String JUNIT = "junit/cucumber.xml";
    /** Cucumber's HTML report. */
    public static final String HTML = "cucumber.html";
    /**
     * Where Cucumber's plugins write while the run goes: moved to {@link #JUNIT} and {@link #HTML} when the run ends,
     * so that a run stopped half way leaves no truncated file under the final names.
     */
    public static final String JUNIT_PARTIAL = "junit/.cucumber.xml.partial";
    public static final String HTML_PARTIAL = ".cucumber.html.partial";
    static final List<String> PARTIALS = List.of(JUNIT_PARTIAL, HTML_PARTIAL);
    /** Marks a folder a run wrote its reports to (see {@link #clean}). */
    public static final String MARKER = ".callflow-reports";
    /** The folder {@code ./callflow certify} adds to a run's reports. */
    public static final String CERTIFICATE = "certificate";
    /** Everything a run writes under its reports directory, for cleaning before the next one. */
    public static final List<String> OUTPUTS = List.of(CERTIFICATE, "timelines", "allure-results", AllureHtml.DIR, AllureHtml.DIR + ".log", "junit", HTML, SUMMARY,
            VERDICTS, VERDICT_COUNTS, FAILURES, RERUN);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDING_TEXTS = 40;

    private RunReports() { }

    /**
     * Writes the files of {@link #OUTPUTS} the run writes itself, each whole or not at all ({@link AtomicFiles}); an
     * interrupted run's also get its JUnit XML ({@link JunitXml}), Cucumber's having never been finished.
     */
    public static void write(RunResult result, Path dir) {
        AtomicFiles.writeString(dir.resolve(SUMMARY), summary(result));
        AtomicFiles.writeString(dir.resolve(VERDICTS), verdictLines(result.verdicts()));
        AtomicFiles.writeString(dir.resolve(VERDICT_COUNTS), verdictCounts(result));
        AtomicFiles.writeString(dir.resolve(FAILURES), failures(result));
        AtomicFiles.writeString(dir.resolve(RERUN), rerun(result.config().home(), result.scenarios())
                + result.interrupted().map(i -> unfinished(result.config().home(), i)).orElse(""));
        result.interrupted().ifPresent(i -> JunitXml.write(result, dir.resolve(JUNIT)));
    }

    /** At a run's normal end: Cucumber's finished JUnit XML and HTML, moved from their partial names in one rename each. */
    public static void publishCucumberReports(Path dir) {
        for (List<String> move : List.of(List.of(JUNIT_PARTIAL, JUNIT), List.of(HTML_PARTIAL, HTML))) {
            Path written = dir.resolve(move.get(0));
            if (Files.exists(written)) {
                try {
                    AtomicFiles.moveIntoPlace(written, dir.resolve(move.get(1)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not move " + written + " to " + move.get(1), e);
                }
            }
        }
    }

    /**
     * Removes what an earlier run wrote to {@code dir}, and nothing else ({@code reports/README.md} stays), then marks
     * the folder as one that holds a run's reports. A folder of {@link #OUTPUTS} is removed whole only where a run
     * wrote before (the {@link #MARKER}, or a run's {@link #SUMMARY} or {@link #VERDICT_COUNTS}); in any other folder
     * (a --reports pointing at the user's own) such a folder is refused rather than emptied.
     *
     * @throws NotAReportsFolder when {@code dir} holds a non-empty folder of an output's name that no run wrote
     */
    public static void clean(Path dir) {
        if (Files.isDirectory(dir)) {
            boolean runsWroteHere = Stream.of(MARKER, SUMMARY, VERDICT_COUNTS).anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
            List<String> foreign = OUTPUTS.stream().filter(n -> !runsWroteHere && nonEmptyFolder(dir.resolve(n))).toList();
            if (!foreign.isEmpty()) {
                throw new NotAReportsFolder(dir, foreign);
            }
            OUTPUTS.forEach(name -> ReportFiles.deleteRecursively(dir.resolve(name)));
            PARTIALS.forEach(name -> ReportFiles.deleteRecursively(dir.resolve(name)));
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).forEach(ReportFiles::deleteRecursively);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        AtomicFiles.writeString(dir.resolve(MARKER), "This folder holds the reports of a callflow run. The next run into it "
                + "first removes the files and folders a run writes (README: What ./callflow run writes to reports/), "
                + "and nothing else.\n");
    }

    private static boolean nonEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> in = Files.list(p)) {
            return in.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + p, e);
        }
    }

    /** A --reports folder that holds, under an output's name, a folder no callflow run wrote: a usage error. */
    public static final class NotAReportsFolder extends IllegalStateException {
        NotAReportsFolder(Path dir, List<String> foreign) {
            super("The reports folder " + dir + " holds " + String.join(", ", foreign.stream().map(f -> f + "/").toList())
                    + " but no earlier callflow run wrote there (no " + MARKER + ", " + SUMMARY + " or " + VERDICT_COUNTS
                    + "); a run removes its outputs first, so it does not run into this folder. Give --reports an empty "
                    + "or new folder.");
        }
    }

    /**
     * IUT, timing profile, policy, seed, the rules that fired undeclared (with each finding's text) apart from those
     * scenarios break on purpose, server start time, per-scenario set-up cost, wall time, and one line per scenario.
     */
    public static String summary(RunResult r) {
        StringBuilder b = new StringBuilder();
        r.interrupted().ifPresent(i -> b.append(interruptedLine(i)).append('\n'));
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
        r.interrupted().ifPresent(i -> i.unfinished().forEach(u -> b.append(String.format(Locale.ROOT, "%-8s %10s  %s%n",
                "NOT RUN", "", u.name()))));
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

    /** {@code interrupted after 3 of 12 scenarios (SIGINT or SIGTERM): …}: the first line of an interrupted run's reports. */
    public static String interruptedLine(Interruption i) {
        return i.describe() + " (SIGINT or SIGTERM): these reports cover the " + i.finished() + " that finished; the other "
                + i.unfinished().size() + " did not finish (listed last as NOT RUN, and in " + RERUN + ")";
    }

    /** Counts of passes, conformance failures, harness faults and undefined steps; whether the run was interrupted. */
    public static String verdictCounts(RunResult r) {
        return r.interrupted().map(i -> "interrupted=true\nscenariosSelected=" + i.selected() + "\nscenariosFinished="
                + i.finished() + "\n").orElse("") + "passed=" + r.passed() + "\nconformanceFailures=" + r.conformanceFailures() + "\nharnessFaults="
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

    private static String unfinished(Path home, Interruption i) {
        return i.unfinished().stream().map(u -> relative(home, u.uri()) + ":" + u.line() + "\n").distinct()
                .collect(Collectors.joining());
    }

    /** A feature's path relative to the home with '/', or its URI when it is no file under the home. */
    static String relative(Path home, String uri) {
        if (!uri.startsWith("file:")) {
            return uri;
        }
        Path file = Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
        return (file.startsWith(home) ? home.relativize(file) : file).toString().replace('\\', '/');
    }

    /** The head of each failed scenario's error, in suite order; an interrupted run says so first. */
    public static String failures(RunResult r) {
        return r.interrupted().map(i -> interruptedLine(i) + "\n\n").orElse("") + r.failed().stream().map(o -> FailureDigest.of(o, r.config().seed())).collect(Collectors.joining("\n"));
    }

}
