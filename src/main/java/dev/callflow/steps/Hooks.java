package dev.callflow.steps;

import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunRegistry;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.report.TimelineReport;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeStep;
import io.cucumber.java.Scenario;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleReport;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.timeline.Event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Gives every scenario a fresh device on its run's servers, judges its timeline with every rule, and writes the
 * timeline. The run is found by the scenario's id ({@link RunRegistry}); its servers are started and stopped by whoever
 * runs the suite, never by the glue.
 */
public class Hooks {
    private final ScenarioContext context;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = 0)
    public void freshDevice(Scenario scenario) {
        RunContext run = RunRegistry.of(scenario.getId());
        DeclaredRules.of(scenario.getUri(), scenario.getLine()).forEach(id ->
                context.expectRule(RuleCatalog.byId(id).map(dev.callflow.rules.Rule::id).orElse(id)));
        context.allowAppLogWords(scenario.getSourceTagNames().contains(EventNames.APP_LOG_WORDS_TAG));
        context.attach(run, run.newRig(scenario.getUri(), scenario.getLine()));
    }

    /**
     * Before every step, what is due now runs, with time frozen: a step acts on a quiet phone, after whatever the app
     * did in answer to the step before, never in the middle of it. Time itself moves only while a step waits.
     */
    @BeforeStep
    public void quiesce() {
        if (!context.hasRig()) {
            return;
        }
        ScenarioRig rig = context.rig();
        if (rig.clock().quiesce() == dev.callflow.device.VirtualClock.Outcome.STALLED) {
            throw new AssertionError("Before the next step the phone had to finish what was due now, but "
                    + Waits.why(rig, dev.callflow.device.VirtualClock.Outcome.STALLED, rig.waitBound()) + " "
                    + Waits.context(rig));
        }
        context.stepBegins(rig.timeline().nextSeq() - 1);
    }

    /**
     * The always-on monitor: every rule judges the scenario's timeline once the device has settled. A violation the
     * scenario did not declare ({@code Then rule R-… is violated}) fails it, whatever its own steps asked.
     */
    @After(order = 20000)
    public void alwaysOnRules(Scenario scenario) {
        if (!context.hasRig()) {
            return;
        }
        ScenarioRig rig = context.rig();
        List<RuleVerdict> verdicts = context.phone().judgeAllRules();
        List<Event> events = rig.timeline().events();
        events.stream().filter(e -> e.is(dev.callflow.timeline.EventKind.IUT_HELLO)).forEach(e -> context.run().noteIutHello(
                new dev.callflow.harness.IutHello(e.attribute("name").orElse("?"), e.attribute("version").orElse("?"))));
        ColdStart.of(events).ifPresent(c -> context.run().noteColdStart(scenario.getName(), c.pushToReportMicros(), c.launchMicros()));
        if (scenario.isFailed()) {
            scenario.log("Seed " + rig.settings().seed() + ": ./callflow run --seed " + rig.settings().seed()
                    + " --name '" + scenario.getName().replace("'", ".") + "' repeats this scenario exactly (reference app).");
        }
        Policy policy = context.policy();
        context.run().noteVerdicts(scenario.getId(), scenario.getUri().toString(), scenario.getName(), scenario.getLine(),
                verdicts, context.expectedRules());
        String report = RuleReport.explainAll(verdicts, events, policy, context.calls()::nameOf);
        if (!report.isEmpty()) {
            scenario.attach(report.getBytes(StandardCharsets.UTF_8), "text/plain", "rule verdicts");
        }
        Optional<String> undeclared = context.phone().undeclaredViolations(verdicts, context.expectedRules());
        if (undeclared.isEmpty()) {
            return;
        }
        String found = undeclared.get();
        if (scenario.isFailed()) {
            // a step failed first: its error stays the scenario's, and the rules' findings follow it instead of hiding
            String also = ScenarioOutcome.ALSO_FOUND + found;
            scenario.log(also);
            context.run().noteAlsoFound(scenario.getId(), also);
            return;
        }
        throw new AssertionError("The always-on rules found " + found);
    }

    /** With a reports directory, the timeline in the seed's log format, as a file and as an attachment. */
    @After
    public void writeTimeline(Scenario scenario) {
        if (!context.hasRig()) {
            return;
        }
        ScenarioRig rig = context.rig();
        try {
            Optional<Path> reports = context.run().config().reportsDir();
            if (reports.isPresent() && !context.run().stopped()) {
                String log = TimelineReport.write(reports.get(), scenario.getUri().toString(), scenario.getName(),
                        scenario.getLine(), rig.timeline());
                scenario.attach(log.getBytes(StandardCharsets.UTF_8), "text/plain", "timeline.log");
            }
        } finally {
            rig.close();
        }
    }
}
