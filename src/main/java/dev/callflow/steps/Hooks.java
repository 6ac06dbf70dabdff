package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.report.TimelineReport;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.BeforeStep;
import io.cucumber.java.Scenario;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.monitor.RuleMonitor;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleReport;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.timeline.Event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Starts the run's servers once; gives every scenario a fresh device and writes its timeline afterwards. */
public class Hooks {
    private final ScenarioContext context;
    private long startNanos;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @BeforeAll
    public static void startServers() {
        Suite.start();
    }

    @AfterAll
    public static void stopServers() {
        Suite s = Suite.stop();
        if (s != null) {
            TimelineReport.writeSummary(s.settings.reportsDir(), s.summary());
            TimelineReport.writeVerdicts(s.settings.reportsDir(), s.verdictRows());
        }
    }

    @Before(order = 0)
    public void freshDevice(Scenario scenario) {
        Suite suite = Suite.get();
        DeclaredRules.of(scenario.getUri(), scenario.getLine()).forEach(id ->
                context.expectRule(RuleCatalog.byId(id).map(dev.callflow.rules.Rule::id).orElse(id)));
        startNanos = System.nanoTime();
        context.attach(ScenarioRig.create(suite.infrastructure, suite.settings,
                ImplementationsUnderTest.resolve(suite.settings.iut(), suite.infrastructure.externalIuts()),
                scenario.getUri() + ":" + scenario.getLine()));
        suite.noteSetup((System.nanoTime() - startNanos) / 1000);
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
        Waits.settled(rig);
        List<Event> events = rig.timeline().events();
        ColdStart.of(events).ifPresent(c -> Suite.get().noteColdStart(scenario.getName(), c));
        if (scenario.isFailed()) {
            scenario.log("Seed " + rig.settings().seed() + ": ./callflow run --seed " + rig.settings().seed()
                    + " --name '" + scenario.getName().replace("'", ".") + "' repeats this scenario exactly (reference app).");
        }
        Policy policy = context.policy();
        List<RuleVerdict> verdicts = RuleMonitor.allRules(policy).judge(events);
        Suite.get().noteVerdicts(scenario.getUri().toString(), scenario.getName(), scenario.getLine(), verdicts,
                context.expectedRules());
        String report = RuleReport.explainAll(verdicts, events, policy, context.calls()::nameOf);
        if (!report.isEmpty()) {
            scenario.attach(report.getBytes(StandardCharsets.UTF_8), "text/plain", "rule verdicts");
        }
        List<RuleVerdict> unexpected = verdicts.stream()
                .filter(v -> v.failed() && !context.expectedRules().contains(v.rule().id())).toList();
        context.undeclaredViolations(unexpected.stream().map(v -> v.rule().id()).toList());
        if (!unexpected.isEmpty()) {
            throw new AssertionError("The always-on rules found " + unexpected.size() + " violation(s) this scenario did not "
                    + "declare (declare deliberate ones with 'Then rule R-… is violated'):\n\n"
                    + RuleReport.explainAll(unexpected, events, policy, context.calls()::nameOf));
        }
    }

    @After
    public void writeTimeline(Scenario scenario) {
        if (!context.hasRig()) {
            return;
        }
        ScenarioRig rig = context.rig();
        try {
            String log = TimelineReport.write(rig.settings().reportsDir(), scenario.getUri().toString(),
                    scenario.getName(), scenario.getLine(), rig.timeline());
            scenario.attach(log.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "timeline.log");
            // A scenario that failed at a flow step names the rules its timeline breaks too: the step says what went
            // wrong, the rule IDs say which contract that is.
            List<String> violated = context.undeclaredViolations();
            Suite.get().noteScenario(String.format(Locale.ROOT, "%-8s %7.1f ms  %s%s", scenario.getStatus(),
                    (System.nanoTime() - startNanos) / 1e6, scenario.getName(),
                    violated.isEmpty() ? "" : "  [violates " + String.join(", ", violated) + "]"));
        } finally {
            rig.close();
        }
    }
}
