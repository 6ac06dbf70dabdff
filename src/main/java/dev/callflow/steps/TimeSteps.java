package dev.callflow.steps;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.当;

import java.time.Duration;

/** Time passing on the device's virtual clock: a marker the scenario awaits, never a sleep. */
public class TimeSteps {
    private final ScenarioContext ctx;

    public TimeSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    @When("{int} ms of real time pass")
    @当("真实时间过去 {int} 毫秒")
    public void realTimePasses(int millis) {
        Event started = ctx.rig().device().timePasses(Duration.ofMillis(millis));
        String since = String.valueOf(started.seq());
        Waits.until(ctx.rig(), millis + " ms to pass on the device's clock",
                e -> e.is(Source.SYSTEM, EventKind.TIME_PASSED) && since.equals(e.attribute("since").orElse(null)), started.seq());
    }
}
