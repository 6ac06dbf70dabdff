package dev.callflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.harness.ScenarioOutcome;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tail of a run's output says why each scenario failed, short enough for a CI log. */
class FailureDigestTest {
    private static final String URI = "file:///p/features/push_anomalies.feature";

    @Test
    void aConformanceFailureShowsItsPlaceKindAndMessageIndented() {
        String d = FailureDigest.digest("Late push", URI, 33, "java.lang.AssertionError", "Expected callState\nbut none", 0);

        assertThat(d).isEqualTo("Late push (push_anomalies.feature:33), conformance failure (seed 0):\n"
                + "    Expected callState\n    but none\n");
    }

    @Test
    void aHarnessFaultShowsTheExceptionTypeSoItIsNotMistakenForTheApp() {
        String d = FailureDigest.digest("Late push", URI, 33, "java.lang.IllegalStateException", "registration closed", 0);

        assertThat(d).contains("harness fault (seed 0):").contains("java.lang.IllegalStateException: registration closed");
    }

    @Test
    void aLongMessageIsCutAndSaysWhereTheRestIs() {
        String longText = IntStream.rangeClosed(1, 45).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        String d = FailureDigest.digest("Flow", URI, 9, "java.lang.AssertionError", longText, 3);

        assertThat(d).contains("    line 30\n").doesNotContain("line 31")
                .contains("… 15 more line(s) in cucumber.html");
    }

    @Test
    void theRulesFindingsAfterAFailedStepAreShownBeyondALongStepMessage() {
        String step = IntStream.rangeClosed(1, 45).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String also = ScenarioOutcome.ALSO_FOUND + "1 violation(s) this scenario did not declare:\n\nR-TX-1 violated: …";
        ScenarioOutcome o = new ScenarioOutcome(URI, 9, "Flow", List.of(), "FAILED", "java.lang.AssertionError",
                step + "\n\n" + also, 1.0, List.of("R-TX-1"));

        String d = FailureDigest.of(o, 0);

        assertThat(o.stepMessage()).isEqualTo(step);
        assertThat(d).contains("    line 30\n    … 15 more line(s) in cucumber.html and junit/cucumber.xml\n")
                .endsWith("\n    Also, the always-on rules found 1 violation(s) this scenario did not declare:\n    \n"
                        + "    R-TX-1 violated: …\n");
    }
}
