package dev.callflow.report;

import dev.callflow.harness.ScenarioVerdicts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Rule;
import dev.callflow.rules.RuleVerdict;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the run knows of one scenario that Allure's Cucumber plugin does not: it groups the scenario by flow (epic,
 * from its {@code @flow-…} tag), rule family (feature) and rule (story: every rule it tags, declares, or that fired),
 * lists every rule's verdict as a step with the rule's statement and source, attaches the sequence diagram, and says
 * failed, not broken, when the scenario failed on an assertion.
 *
 * @param diagramSource the sequence diagram's file name in the results, when one is being rendered
 */
record AllureExtras(String featureUri, Collection<String> tags, String cucumberStatus, Throwable error,
                    Optional<ScenarioVerdicts> verdicts, Optional<String> diagramSource) {
    private static final Set<String> GROUPING = Set.of("epic", "feature", "story");
    private static final String QUIESCE_HOOK = "dev.callflow.steps.Hooks.quiesce(";

    void applyTo(TestResult result) {
        // The before-step hook that lets the phone finish what is due now runs before every step: a reader sees it only
        // when it failed.
        result.getSteps().removeIf(s -> s.getName() != null && s.getName().startsWith(QUIESCE_HOOK)
                && s.getStatus() != Status.FAILED && s.getStatus() != Status.BROKEN);
        if (cucumberStatus.equals("FAILED")) {
            result.setStatus(error instanceof AssertionError ? Status.FAILED : Status.BROKEN);
        }
        List<Label> labels = new ArrayList<>(result.getLabels().stream().filter(l -> !GROUPING.contains(l.getName())).toList());
        labels.add(label("epic", flow()));
        Set<String> rules = rules();
        Set<String> families = new TreeSet<>();
        rules.forEach(id -> dev.callflow.monitor.RuleCatalog.byId(id).ifPresent(r -> families.add(family(r))));
        tags.stream().filter(t -> t.startsWith("@family-"))
                .forEach(t -> families.add("fault family " + t.substring("@family-".length())));
        families.forEach(f -> labels.add(label("feature", f)));
        rules.forEach(id -> labels.add(label("story", id)));
        result.setLabels(labels);
        verdicts.ifPresent(v -> result.getSteps().add(verdictSteps(v, result.getStop() == null ? 0 : result.getStop())));
        diagramSource.ifPresent(source -> result.getAttachments().add(new Attachment().setName("sequence diagram")
                .setType("image/svg+xml").setSource(source)));
    }

    /** The flow of its {@code @flow-…} tag, else its feature file's name. */
    String flow() {
        return tags.stream().filter(t -> t.startsWith("@flow-")).map(t -> t.substring("@flow-".length())).findFirst()
                .orElseGet(() -> TimelineReport.featureName(featureUri));
    }

    /** The rules it tags ({@code @R-…}), declares broken, or that fired in it. */
    Set<String> rules() {
        Set<String> ids = new TreeSet<>();
        tags.stream().filter(t -> t.startsWith("@R-")).forEach(t -> ids.add(t.substring(1)));
        verdicts.ifPresent(v -> {
            ids.addAll(v.declared());
            v.verdicts().stream().filter(RuleVerdict::fired).forEach(r -> ids.add(r.rule().id()));
        });
        return ids;
    }

    /** {@code R-AUD (audio)}: the ID's family and the rules' package. */
    static String family(Rule rule) {
        String[] parts = rule.id().split("-");
        String pkg = rule.getClass().getPackageName();
        return "R-" + (parts.length > 1 ? parts[1] : rule.id()) + " (" + pkg.substring(pkg.lastIndexOf('.') + 1) + ")";
    }

    private static StepResult verdictSteps(ScenarioVerdicts v, long at) {
        List<StepResult> steps = new ArrayList<>();
        int notJudged = 0;
        for (RuleVerdict verdict : v.verdicts()) {
            if (verdict.outcome() == RuleVerdict.Outcome.NOT_JUDGED) {
                notJudged++;
                continue;
            }
            boolean declared = v.declared().contains(verdict.rule().id());
            steps.add(verdictStep(verdict, declared, at));
        }
        String counts = v.verdicts().stream().filter(r -> r.outcome() != RuleVerdict.Outcome.NOT_JUDGED)
                .collect(Collectors.groupingBy(r -> r.outcome().label(), java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        boolean anyFailed = steps.stream().anyMatch(s -> s.getStatus() == Status.FAILED);
        return new StepResult().setName("Rule verdicts: " + (counts.isEmpty() ? "none judged" : counts) + "; "
                        + notJudged + " not judged (the timeline lacks their events)")
                .setStatus(anyFailed ? Status.FAILED : Status.PASSED).setStage(Stage.FINISHED).setStart(at).setStop(at)
                .setSteps(steps);
    }

    private static StepResult verdictStep(RuleVerdict verdict, boolean declared, long at) {
        Rule rule = verdict.rule();
        String outcome = verdict.outcome().label() + (declared ? ", as the scenario declares" : "");
        List<Parameter> parameters = new ArrayList<>(List.of(
                new Parameter().setName("statement").setValue(rule.statement()),
                new Parameter().setName("source").setValue(rule.source()),
                new Parameter().setName("severity").setValue(rule.severity().name().toLowerCase(Locale.ROOT))));
        StepResult step = new StepResult().setName(rule.id() + " " + outcome + ": " + rule.statement())
                .setStatus(verdict.failed() && !declared ? Status.FAILED : Status.PASSED)
                .setStage(Stage.FINISHED).setStart(at).setStop(at).setParameters(parameters);
        if (!verdict.findings().isEmpty()) {
            step.setStatusDetails(new StatusDetails().setMessage(verdict.findings().stream()
                    .map(AllureExtras::finding).collect(Collectors.joining("\n"))));
            for (int i = 0; i < verdict.findings().size(); i++) {
                parameters.add(new Parameter().setName("finding " + (i + 1)).setValue(finding(verdict.findings().get(i))));
            }
        }
        return step;
    }

    private static String finding(Finding f) {
        return f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message() + (f.offending().isEmpty() ? ""
                : f.offending().stream().map(e -> "#" + e.seq()).collect(Collectors.joining(", ", " (", ")")));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
