package dev.callflow.steps;

import dev.callflow.harness.RunContext;
import dev.callflow.report.DiagramSvg;
import dev.callflow.report.SequenceDiagram;
import dev.callflow.report.TimelineReport;
import dev.callflow.rules.Finding;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.timeline.Event;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * With a reports directory, each scenario's sequence diagram: {@code timelines/<feature>/<line>-<scenario>.svg} next
 * to its timeline, and attached to its Allure result. The PlantUML source is built here, from the timeline, the step
 * that failed and the findings of rules it broke undeclared; it is drawn on the run's background thread, so the next
 * scenario need not wait for it.
 */
public class DiagramHooks {
    private static final long NO_FAILED_STEP = -1;
    private final ScenarioContext context;
    private long failedStepAfter = NO_FAILED_STEP;

    public DiagramHooks(ScenarioContext context) {
        this.context = context;
    }

    /**
     * Before the always-on rules (order 20000) can fail it: failed by now means a step failed, the one that began after
     * the event {@link Hooks#quiesce} noted last.
     */
    @After(order = 20100)
    public void noteFailedStep(Scenario scenario) {
        if (scenario.isFailed() && context.hasRig()) {
            failedStepAfter = context.lastEventBeforeStep();
        }
    }

    /** After the always-on rules (order 20000), before the timeline is written and the rig closed (order 10000). */
    @After(order = 15000)
    public void drawDiagram(Scenario scenario) {
        if (!context.hasRig()) {
            return;
        }
        RunContext run = context.run();
        Optional<Path> reports = run.config().reportsDir();
        if (reports.isEmpty() || run.stopped()) {
            return;
        }
        List<Event> events = context.rig().timeline().events();
        SequenceDiagram diagram = SequenceDiagram.of(events, context.calls()::nameOf)
                .failedStepAfter(failedStepAfter)
                .ruleFindings(undeclaredFindings(run, scenario.getId()));
        String source = diagram.source();
        Path file = TimelineReport.file(reports.get(), scenario.getUri().toString(), scenario.getName(), scenario.getLine(),
                ".svg");
        run.reportWork().submit(scenario.getId(), () -> DiagramSvg.write(source, file));
    }

    /** The events each rule's findings point at, for the rules the scenario broke without declaring it. */
    private static Map<Long, List<String>> undeclaredFindings(RunContext run, String testCase) {
        Map<Long, List<String>> bySeq = new TreeMap<>();
        run.verdicts(testCase).ifPresent(v -> {
            for (RuleVerdict verdict : v.verdicts()) {
                if (!verdict.failed() || v.declared().contains(verdict.rule().id())) {
                    continue;
                }
                for (Finding f : verdict.findings()) {
                    f.offending().forEach(e -> {
                        List<String> ids = bySeq.computeIfAbsent(e.seq(), k -> new ArrayList<>());
                        if (!ids.contains(verdict.rule().id())) {
                            ids.add(verdict.rule().id());
                        }
                    });
                }
            }
        });
        return bySeq;
    }
}
