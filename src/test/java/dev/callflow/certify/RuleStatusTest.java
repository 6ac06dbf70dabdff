package dev.callflow.certify;

import dev.callflow.harness.VerdictRow;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a rule's verdicts over a run's scenarios make its status in a certificate. */
class RuleStatusTest {
    private static final Rule RULE = RuleCatalog.require("R-AUD-2");

    private static VerdictRow row(int line, String outcome, boolean declared) {
        return new VerdictRow("file:///f/answer.feature", "scenario " + line, line, RULE.id(), outcome,
                outcome.equals("holds") || outcome.equals("not judged") ? 0 : 1, declared,
                outcome.equals("holds") || outcome.equals("not judged") ? List.of() : List.of("violation: media before activation"));
    }

    @Test
    void aRuleNoScenarioJudgedIsNotCoveredNeverPass() {
        assertThat(Certification.ruleResult(RULE, List.of()).status()).isEqualTo(RuleStatus.NOT_COVERED);
        assertThat(Certification.ruleResult(RULE, List.of(row(3, "not judged", false))).status()).isEqualTo(RuleStatus.NOT_COVERED);
    }

    @Test
    void anUndeclaredViolationFailsAndCarriesItsTextAndLinks() {
        Certificate.RuleResult r = Certification.ruleResult(RULE, List.of(row(3, "holds", false), row(7, "violated", false),
                row(9, "warning", false)));

        assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(r.scenarios()).extracting(Certificate.Exercise::where).containsExactly("answer.feature:3",
                "answer.feature:7", "answer.feature:9");
        assertThat(r.findings().get(0).messages()).containsExactly("violation: media before activation");
        assertThat(r.findings().get(0).timeline()).isEqualTo("../timelines/answer/0007-scenario-7.log");
        assertThat(r.findings().get(0).diagram()).isEqualTo("../timelines/answer/0007-scenario-7.svg");
    }

    @Test
    void aScenarioIsNamedByItsPathUnderFeaturesSoTheEnglishAndChineseFlowsDiffer() {
        VerdictRow zh = new VerdictRow("file:///home/x/features/zh-CN/answer.feature", "场景", 12, RULE.id(), "holds", 0,
                false, List.of());
        assertThat(Certification.ruleResult(RULE, List.of(zh)).scenarios()).extracting(Certificate.Exercise::where)
                .containsExactly("features/zh-CN/answer.feature:12");
    }

    @Test
    void anUndeclaredWarningWarns() {
        assertThat(Certification.ruleResult(RULE, List.of(row(3, "holds", false), row(9, "warning", false))).status())
                .isEqualTo(RuleStatus.WARN);
    }

    @Test
    void aViolationTheScenarioDeclaresIsExercisedAndHoldsForTheImplementation() {
        Certificate.RuleResult r = Certification.ruleResult(RULE, List.of(row(7, "violated", true)));

        assertThat(r.status()).isEqualTo(RuleStatus.PASS);
        assertThat(r.scenarios()).singleElement().satisfies(e -> assertThat(e.declared()).isTrue());
        assertThat(r.findings()).isEmpty();
    }
}
