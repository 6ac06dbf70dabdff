package dev.callflow.steps;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.When;

import java.time.Duration;

/** Time passing in the device's scaled time: a marker on the system's clock that the scenario awaits, never a sleep. */
public class TimeSteps {
    private final ScenarioContext ctx;

    public TimeSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    @When("{int} ms of real time pass")
    public void realTimePasses(int millis) {
        Event started = ctx.rig().device().timePasses(Duration.ofMillis(millis));
        String since = String.valueOf(started.seq());
        Waits.until(ctx.rig(), millis + " ms of real time (scaled by the timing profile) to pass",
                e -> e.is(Source.SYSTEM, EventKind.TIME_PASSED) && since.equals(e.attribute("since").orElse(null)), started.seq());
    }
}
