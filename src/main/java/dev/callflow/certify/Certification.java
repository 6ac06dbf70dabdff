package dev.callflow.certify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callflow.harness.IutHello;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.VerdictRow;
import dev.callflow.iut.external.ExternalIuts;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.report.AtomicFiles;
import dev.callflow.report.RunReports;
import dev.callflow.report.TimelineReport;
import dev.callflow.rules.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link Certificate} from one run's {@link RunResult} and writes it next to the run's reports.
 *
 * <p>A rule is exercised in a scenario when its verdict there is other than "not judged". Its status over the run:
 * {@link RuleStatus#FAIL} when some scenario found it violated without declaring it, else {@link RuleStatus#WARN} when
 * one warned undeclared, else {@link RuleStatus#PASS} when some scenario exercised it, else
 * {@link RuleStatus#NOT_COVERED}. A violation a scenario declares ({@code Then rule R-… is violated}) is the harness's
 * injected fault (a refused push, a misconfigured server, a forced error), not the implementation's: it shows the rule
 * was judged and the harness's fault was seen, so it counts as exercised and holding for the implementation.
 */
public final class Certification {
    public static final String JSON_FILE = "certificate.json";
    public static final String HTML_FILE = "certificate.html";
    public static final String COVERAGE_FILE = "coverage.md";
    static final String RESULT_FILES_NOTE = "every file under the run's outputs (timelines, allure-results, junit, "
            + "cucumber.html, summary.txt, rule-verdicts.jsonl, verdict.properties, failures.txt), relative to the reports "
            + "folder; not hashed: certificate/ itself and allure-report/ (HTML rendered from allure-results/, which is)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Certification() { }

    /** The certificate's folder under a reports directory. */
    public static Path folder(Path reportsDir) {
        return reportsDir.resolve(RunReports.CERTIFICATE);
    }

    /**
     * @param reportsDir the run's reports, whose files are hashed; null: none (a certificate held in memory, e.g. by tests)
     * @param artifacts  files the vendor names (its build), hashed
     */
    public static Certificate of(RunResult result, Path reportsDir, List<Path> artifacts, BuildInfo build) {
        List<Certificate.RuleResult> rules = RuleCatalog.all().stream().map(r -> ruleResult(r, result.verdicts())).toList();
        List<String> notCovered = rules.stream().filter(r -> r.status() == RuleStatus.NOT_COVERED)
                .map(Certificate.RuleResult::rule).toList();
        int exit = exitCode(result, rules);
        return new Certificate(Certificate.FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                new Certificate.Harness(build.version(), build.commit()),
                new Certificate.Catalogue(RuleCatalog.VERSION, RuleCatalog.all().size(),
                        FileHashes.sha256(canonicalRules().getBytes(StandardCharsets.UTF_8))),
                new Certificate.RunInfo(result.config().policy().wireName(), result.config().timing().name(),
                        result.config().seed(), result.config().tags().orElse(null), result.scenarios().size(),
                        result.passed(), result.exitCode()),
                iut(result, build),
                artifacts.stream().map(a -> new Certificate.Artifact(a.toAbsolutePath().normalize().toString(),
                        FileHashes.sha256(a))).toList(),
                exit, outcome(exit, rules), notCovered, rules, RESULT_FILES_NOTE,
                reportsDir == null ? Map.of() : FileHashes.resultFiles(reportsDir));
    }

    /**
     * 0: no rule fails and every scenario passed (warnings and rules not covered are listed, but pass); 1: a rule fails or
     * a scenario failed; 2 or 3 as the run's own exit code (the input or the harness is wrong: nothing is certified).
     */
    static int exitCode(RunResult result, List<Certificate.RuleResult> rules) {
        int run = result.exitCode();
        if (run == RunResult.USAGE || run == RunResult.HARNESS_FAULT) {
            return run;
        }
        boolean fails = rules.stream().anyMatch(r -> r.status() == RuleStatus.FAIL);
        return fails || run == RunResult.CONFORMANCE_FAILURE ? RunResult.CONFORMANCE_FAILURE : RunResult.PASS;
    }

    private static String outcome(int exit, List<Certificate.RuleResult> rules) {
        long fail = rules.stream().filter(r -> r.status() == RuleStatus.FAIL).count();
        long uncovered = rules.stream().filter(r -> r.status() == RuleStatus.NOT_COVERED).count();
        String head = switch (exit) {
            case RunResult.PASS -> "conforms: no rule fails";
            case RunResult.CONFORMANCE_FAILURE -> fail > 0 ? "does not conform: " + fail + " rule(s) fail"
                    : "does not conform: a scenario failed";
            case RunResult.USAGE -> "not certified: the run's input is wrong (exit 2)";
            default -> "not certified: the harness failed (exit 3)";
        };
        return uncovered == 0 ? head : head + "; " + uncovered + " rule(s) not covered by this run";
    }

    /** One line per rule in catalogue order: id, severity, statement and source, tab-separated. */
    public static String canonicalRules() {
        return RuleCatalog.all().stream().map(r -> String.join("\t", r.id(), r.severity().label(), r.statement(), r.source()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Certificate.Iut iut(RunResult result, BuildInfo build) {
        String spec = result.iut();
        if (!ExternalIuts.isExternal(spec)) {
            return new Certificate.Iut(spec, spec, build.version(), "harness (an app built into it)");
        }
        List<IutHello> hellos = result.iutHellos();
        if (hellos.isEmpty()) {
            return new Certificate.Iut(spec, "?", "?", "hello (none was heard)");
        }
        return new Certificate.Iut(spec, hellos.stream().map(IutHello::name).distinct().collect(Collectors.joining(", ")),
                hellos.stream().map(IutHello::version).distinct().collect(Collectors.joining(", ")), "hello");
    }

    static Certificate.RuleResult ruleResult(Rule rule, List<VerdictRow> rows) {
        List<Certificate.Exercise> exercised = new ArrayList<>();
        List<Certificate.Finding> findings = new ArrayList<>();
        boolean violated = false;
        boolean warned = false;
        for (VerdictRow v : rows) {
            if (!v.rule().equals(rule.id()) || v.outcome().equals("not judged")) {
                continue;
            }
            String where = file(v.feature()) + ":" + v.line();
            exercised.add(new Certificate.Exercise(where, v.scenario(), v.outcome(), v.declared()));
            if (v.firedUndeclared()) {
                violated |= v.outcome().equals("violated");
                warned |= v.outcome().equals("warning");
                findings.add(new Certificate.Finding(where, v.scenario(), v.outcome(), v.messages(),
                        link(v, ".log"), link(v, ".svg")));
            }
        }
        RuleStatus status = violated ? RuleStatus.FAIL : warned ? RuleStatus.WARN
                : exercised.isEmpty() ? RuleStatus.NOT_COVERED : RuleStatus.PASS;
        return new Certificate.RuleResult(rule.id(), rule.severity().label(), rule.statement(), rule.source(), status,
                exercised, findings);
    }

    /** The scenario's timeline or diagram, relative to the certificate's folder. */
    private static String link(VerdictRow v, String extension) {
        Path reports = Path.of("/reports");
        return folder(reports).relativize(TimelineReport.file(reports, v.feature(), v.scenario(), v.line(), extension))
                .toString().replace('\\', '/');
    }

    /** {@code features/zh-CN/answer.feature} rather than {@code answer.feature}: the English and Chinese flows share names. */
    private static String file(String uri) {
        int features = uri.lastIndexOf("/features/");
        return features >= 0 ? uri.substring(features + 1) : uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Writes certificate.json, certificate.html and coverage.md to {@code <reportsDir>/certificate/}. */
    public static Path write(Certificate c, Path reportsDir) {
        Path dir = folder(reportsDir);
        try {
            AtomicFiles.writeString(dir.resolve(JSON_FILE), JSON.writeValueAsString(c) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the certificate as JSON", e);
        }
        AtomicFiles.writeString(dir.resolve(HTML_FILE), CertificateHtml.render(c));
        AtomicFiles.writeString(dir.resolve(COVERAGE_FILE), CoverageMatrix.render(c));
        return dir.resolve(JSON_FILE);
    }

    public static Certificate read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), Certificate.class);
    }
}
