package dev.callflow.iut.reference;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
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
    private static final Path FEATURES = Runs.HOME.resolve("src/test/resources/reference-app");

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

        RunResult run = SuiteRunner.run(Runs.config("reference").features(FEATURES).build());

        assertThat(run.scenarios()).as("diagnostic scenarios run").hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.failed()).as("diagnostics the reference app fails\n%s", ScenarioOutcome.describe(run.failed())).isEmpty();
        assertThat(run.verdicts().stream().filter(v -> v.outcome().equals("violated") && !v.declared()).toList())
                .as("undeclared rule violations").isEmpty();
    }

    /**
     * The same app with its log lines dropped (variant:silent) passes the whole conformance suite
     * (VariantNeutralityTest) and fails every diagnostic here: the diagnostics are about log words, the suite is not.
     */
    @Test
    void aSilentAppFailsEveryDiagnosticForItsMissingLogWordsAlone() throws IOException {
        RunResult run = SuiteRunner.run(Runs.config("variant:silent").features(FEATURES).build());

        assertThat(run.scenarios()).as("diagnostic scenarios run").hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.scenarios()).as("every diagnostic fails against the silent app")
                .allMatch(ScenarioOutcome::failed).allMatch(ScenarioOutcome::conformanceFailure);
        // a scenario that breaks a rule on purpose declares it after its table, which fails first against a silent app
        java.util.Set<String> declaredSomewhere = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rule (R-[A-Z]+-\\d+) is violated").matcher(diagnostics());
        while (m.find()) {
            declaredSomewhere.add(m.group(1));
        }
        assertThat(run.verdicts().stream().filter(v -> v.outcome().equals("violated") && !v.declared())
                .map(VerdictRow::rule).distinct().toList())
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
