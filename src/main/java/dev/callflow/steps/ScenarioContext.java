package dev.callflow.steps;

import dev.callflow.harness.CallAliases;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Timeline;

/** Per-scenario state, created by picocontainer for each scenario and shared by its step classes. */
public final class ScenarioContext {
    private ScenarioRig rig;

    void attach(ScenarioRig r) {
        this.rig = r;
    }

    ScenarioRig rig() {
        if (rig == null) {
            throw new IllegalStateException("No scenario rig: the @Before hook did not run");
        }
        return rig;
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
