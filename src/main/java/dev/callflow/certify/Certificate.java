package dev.callflow.certify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What {@code ./callflow certify} attests, as written to {@code certificate.json}: which harness and rules judged
 * which implementation under which settings, every rule's standing with the scenarios that exercised it, and the
 * SHA-256 of the artifacts and of every result file, so that {@link Verification} can tell whether any changed.
 *
 * @param resultFiles path relative to the reports directory → SHA-256 (see {@link FileHashes} for what is left out)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Certificate(String format, String issued, Harness harness, Catalogue rules, RunInfo run, Iut iut,
                          List<Artifact> artifacts, int exitCode, String outcome, List<String> notCovered,
                          List<RuleResult> ruleResults, String resultFilesNote, Map<String, String> resultFiles) {
    public static final String FORMAT = "callflow-certificate/1";

    public record Harness(String version, String commit) { }

    /** @param sha256 over every rule's canonical rendering ({@link Certification#canonicalRules()}) */
    public record Catalogue(String version, int count, String sha256) { }

    /** @param tags the run's tag expression, or null for the whole suite (a certificate of part of it says so) */
    public record RunInfo(String policy, String timingProfile, long seed, String tags, int scenarios, long passed,
                          int runExitCode) { }

    /** @param nameFrom where the name and version come from: the IUT's {@code hello}, or the harness for its own apps */
    public record Iut(String spec, String name, String version, String nameFrom) { }

    /** @param path absolute, as it was when certified */
    public record Artifact(String path, String sha256) { }

    public record RuleResult(String rule, String severity, String statement, String source, RuleStatus status,
                             List<Exercise> scenarios, List<Finding> findings) { }

    /** @param declared the scenario breaks this rule on purpose: it injects the fault, so a violation holds for the IUT */
    public record Exercise(String where, String scenario, String outcome, boolean declared) { }

    /** @param timeline @param diagram links relative to the certificate's folder */
    public record Finding(String where, String scenario, String outcome, List<String> messages, String timeline,
                          String diagram) { }
}
