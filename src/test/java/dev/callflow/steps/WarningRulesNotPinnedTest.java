package dev.callflow.steps;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning rule (R-INC-3, R-OUT-3, R-CFG-2) gives advice where the platform allows several behaviours, and a warning
 * never fails a scenario. A shipped scenario that says such a rule holds turns the advice into a requirement, and fails
 * a correct app that chose otherwise (a vendor's app that told its server nothing after a Do Not Disturb refusal was
 * failed by {@code rule R-INC-3 holds}).
 */
class WarningRulesNotPinnedTest {
    private static final Pattern HOLDS = Pattern.compile("(?:rule|规则) (R-[A-Z]+-\\d+) (?:holds|成立)\\s*$");

    @Test
    void noShippedScenarioSaysAWarningRuleHolds() throws IOException {
        List<String> pinned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("features"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = HOLDS.matcher(lines.get(i));
                    if (m.find() && RuleCatalog.require(m.group(1)).severity() == Severity.WARNING) {
                        pinned.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(pinned).as("scenarios that require a warning rule to hold").isEmpty();
    }

    @Test
    void thePatternFindsTheStepInBothLanguages() {
        assertThat(HOLDS.matcher("    And rule R-INC-3 holds").find()).isTrue();
        assertThat(HOLDS.matcher("    并且 规则 R-INC-3 成立").find()).isTrue();
        assertThat(RuleCatalog.require("R-INC-3").severity()).isEqualTo(Severity.WARNING);
    }
}
