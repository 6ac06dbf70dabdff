package dev.callflow.steps;

import dev.callflow.harness.CallAliases;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.rules.Policy;
import dev.callflow.timeline.Timeline;

import java.util.Set;
import java.util.TreeSet;

/** Per-scenario state, created by picocontainer for each scenario and shared by its step classes. */
public final class ScenarioContext {
    private RunContext run;
    private ScenarioRig rig;
    private Policy policy;
    private final Set<String> expectedRules = new TreeSet<>();
    private Phone phone;
    /** The last event on the timeline when the current step began (for the sequence diagram's failure mark). */
    private long lastEventBeforeStep;

    /** Whether the scenario names an app's own log words on purpose ({@link EventNames#APP_LOG_WORDS_TAG}). */
    private boolean appLogWords;

    void stepBegins(long lastEvent) { lastEventBeforeStep = lastEvent; }

    void allowAppLogWords(boolean allowed) { appLogWords = allowed; }

    /** Each cell's names (with {@code |} alternatives) must be kinds of the vocabulary, else the scenario is wrong. */
    void requireEvents(String where, String... cells) {
        if (!appLogWords) {
            for (String cell : cells) {
                EventNames.requireKnown(cell, where);
            }
        }
    }

    long lastEventBeforeStep() { return lastEventBeforeStep; }

    Policy policy() {
        return policy != null ? policy : rig().settings().policy();
    }

    void policy(Policy p) {
        this.policy = p;
    }

    /**
     * Rules the scenario breaks on purpose: the always-on monitor does not fail it for these. Declared from the
     * scenario's text before it runs ({@link DeclaredRules}), and again when the declaring step runs.
     */
    void expectRule(String id) {
        expectedRules.add(id);
    }

    Set<String> expectedRules() {
        return Set.copyOf(expectedRules);
    }

    void attach(RunContext r, ScenarioRig scenarioRig) {
        this.run = r;
        this.rig = scenarioRig;
    }

    /** The run this scenario belongs to. */
    RunContext run() {
        if (run == null) {
            throw new IllegalStateException("No run: the @Before hook did not run");
        }
        return run;
    }

    ScenarioRig rig() {
        if (rig == null) {
            throw new IllegalStateException("No scenario rig: the @Before hook did not run");
        }
        return rig;
    }

    /** The acts of the step library on this scenario's phone, shared with tests written in Java. */
    Phone phone() {
        if (phone == null) {
            phone = Phone.of(rig(), this::policy, this::expectRule);
        }
        return phone;
    }

    boolean hasRig() {
        return rig != null;
    }

    Timeline timeline() {
        return rig().timeline();
    }

    CallAliases calls() {
        return rig().calls();
    }
}
