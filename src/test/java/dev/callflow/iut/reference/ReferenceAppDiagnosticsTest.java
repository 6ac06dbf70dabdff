package dev.callflow.iut.reference;

import dev.callflow.harness.InProcessSuite;
import dev.callflow.harness.ScenarioOutcomePlugin.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference app's own log words keep their value as diagnostics: src/test/resources/reference-app/ pins where it
 * logs each decision (lateServerAnswerIgnored, serverDeadlineExceeded, phantomCall, ...) and that it reproduces the
 * seed's sample log word for word. The conformance suite in features/ may not ask for any of them
 * (FeatureNeutralityTest); these scenarios run here, against the reference app only.
 */
public class ReferenceAppDiagnosticsTest {
    private static final Path FEATURES = InProcessSuite.HOME.resolve("src/test/resources/reference-app");
    private static final Path OUT = InProcessSuite.HOME.resolve("target/reference-app");

    /** The reference app's log words the suite once required of every implementation (41 failures of an app from the docs). */
    public static final List<String> LOG_WORDS = List.of("lateServerAnswerIgnored", "incomingCallRejected",
            "serverNotToldOfEnd", "serverDeadlineExceeded", "phantomCall", "endCallFailed", "duplicateReportKept",
            "activationDeadlineExceeded", "mediaHandedOver", "mediaDeferred", "inviteFailed", "endAlreadyTimedOut",
            "callAlreadyOver", "signallingReady", "serverRefused", "connectedDeferred", "handleIncomingCall",
            "startCallWithCompletion", "endCallWithCompletion", "resumeCallWithCompletion", "actionTimedOut");

    @Test
    void theReferenceAppLogsEachOfItsDecisionsWhereItShould() throws IOException {
        String text = diagnostics();
        assertThat(LOG_WORDS).as("log words a diagnostic scenario names in a table row")
                .allMatch(w -> text.matches("(?s).*\\|\\s*app\\s*\\|\\s*" + w + "\\s*\\|.*"));

        InProcessSuite.Run run = InProcessSuite.run("reference", OUT.resolve("reference"), null, 2, FEATURES);

        assertThat(run.outcomes()).as("diagnostic scenarios run").hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.failed()).as("diagnostics the reference app fails\n%s", InProcessSuite.describe(run.failed())).isEmpty();
        assertThat(run.verdicts().stream().filter(v -> v.outcome().equals("violated") && !v.declared()).toList())
                .as("undeclared rule violations").isEmpty();
    }

    /**
     * The same app with its log lines dropped (variant:silent) passes the whole conformance suite
     * (VariantNeutralityTest) and fails every diagnostic here: the diagnostics are about log words, the suite is not.
     */
    @Test
    void aSilentAppFailsEveryDiagnosticForItsMissingLogWordsAlone() throws IOException {
        InProcessSuite.Run run = InProcessSuite.run("variant:silent", OUT.resolve("silent"), null, 2, FEATURES);

        assertThat(run.outcomes()).as("diagnostic scenarios run").hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.outcomes()).as("every diagnostic fails against the silent app")
                .allMatch(Outcome::failed).allMatch(Outcome::conformanceFailure);
        // a scenario that breaks a rule on purpose declares it after its table, which fails first against a silent app
        java.util.Set<String> declaredSomewhere = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rule (R-[A-Z]+-\\d+) is violated").matcher(diagnostics());
        while (m.find()) {
            declaredSomewhere.add(m.group(1));
        }
        assertThat(run.verdicts().stream().filter(v -> v.outcome().equals("violated") && !v.declared())
                .map(InProcessSuite.Verdict::rule).distinct().toList())
                .as("rules the silent app violates (it is correct, only silent): none but those the diagnostics break on purpose")
                .isSubsetOf(declaredSomewhere);
    }

    private static String diagnostics() throws IOException {
        try (var files = Files.walk(FEATURES)) {
            return String.join("\n", files.filter(f -> f.toString().endsWith(".feature")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
    }
}
