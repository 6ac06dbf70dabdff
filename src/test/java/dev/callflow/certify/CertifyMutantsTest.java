package dev.callflow.certify;

import dev.callflow.harness.RunResult;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Severity;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutant of the zoo, certified on the scenarios of its tags (the same run as {@code certify --tags}, held in
 * memory), is certified failing its own rule; warning it when the rule is a warning rule or the mutant's deviation
 * is one its rule only warns about ({@link Mutant#warns()}), as the kill matrix flags rather than kills those.
 */
class CertifyMutantsTest {
    private static final BuildInfo BUILD = new BuildInfo("test", BuildInfo.UNKNOWN);
    static Stream<Mutant> mutants() {
        return Mutants.all().stream();
    }

    @ParameterizedTest(name = "mutant {0} is certified failing its rule")
    @MethodSource("mutants")
    void theMutantsOwnRuleIsCertifiedFailing(Mutant mutant) {
        RunResult run = SuiteRunner.run(Runs.config("mutant:" + mutant.name()).tags(mutant.tags()).build());
        Certificate c = Certification.of(run, null, List.of(), BUILD);

        boolean onlyWarns = mutant.warns() || RuleCatalog.require(mutant.rule()).severity() == Severity.WARNING;
        RuleStatus expected = onlyWarns ? RuleStatus.WARN : RuleStatus.FAIL;
        Certificate.RuleResult rule = c.ruleResults().stream().filter(r -> r.rule().equals(mutant.rule())).findFirst().orElseThrow();
        assertThat(rule.status()).as("%s in the certificate of mutant:%s (tags %s); its findings: %s", mutant.rule(),
                mutant.name(), mutant.tags(), rule.findings()).isEqualTo(expected);
        assertThat(rule.findings()).as("the findings that make %s %s", mutant.rule(), expected.label()).isNotEmpty();
        assertThat(c.iut().name()).isEqualTo("mutant:" + mutant.name());
        assertThat(c.run().tags()).isEqualTo(mutant.tags());
        if (!onlyWarns) {
            assertThat(c.exitCode()).as("certify's exit code for mutant:%s", mutant.name()).isEqualTo(1);
        }
    }
}
