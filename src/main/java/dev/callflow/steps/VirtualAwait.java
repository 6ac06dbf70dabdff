package dev.callflow.steps;

import dev.callflow.device.VirtualClock;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Timeline;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits for tests written in Java, on Awaitility's {@link ConditionFactory} but never polling in real time. What is
 * Awaitility: the fluent call, the alias in messages, and the one evaluation of the condition ({@code pollDelay(0)},
 * {@code pollInSameThread()}, no timeout of its own: {@code forever()}). What is the clock: that one evaluation lets the
 * phone run on its {@link VirtualClock} until the condition holds (checked after every task the phone runs, event-driven),
 * the phone settles without it, or the virtual horizon ({@link #atMost}) passes; it then answers true or throws the
 * same error a scenario's wait throws. So Awaitility never sleeps and never asks twice; real time bounds a wait only
 * through the clock's hang guard, as it does for every scenario.
 */
public final class VirtualAwait {
    private final ScenarioRig rig;
    private Duration horizon;
    private String alias = "the condition";

    VirtualAwait(ScenarioRig rig) {
        this.rig = rig;
        this.horizon = rig.waitBound();
    }

    /** The wait's bound in virtual time; by default the timing profile's wait horizon. */
    public VirtualAwait atMost(Duration virtualTime) {
        this.horizon = virtualTime;
        return this;
    }

    /** What the wait is for, in failure messages. */
    public VirtualAwait alias(String what) {
        this.alias = what;
        return this;
    }

    /** Runs the phone until {@code condition} holds for its timeline's events. */
    public void until(Predicate<List<Event>> condition) {
        conditions().until(() -> {
            VirtualClock.Outcome outcome = rig.device().runUntil(condition, horizon, true);
            if (rig.timeline().test(condition)) {
                return true;
            }
            throw failed(outcome);
        });
    }

    /** Runs the phone until an event matching {@code match} is on the timeline, and returns the first such event. */
    public Event untilEvent(Predicate<Event> match) {
        return conditions().until(() -> {
            VirtualClock.Outcome outcome = rig.device().runUntil(events -> Timeline.firstFrom(events, 1, match).isPresent(),
                    horizon, true);
            Optional<Event> found = Timeline.firstFrom(rig.timeline().events(), 1, match);
            if (found.isEmpty()) {
                throw failed(outcome);
            }
            return found;
        }, Optional::isPresent).orElseThrow();
    }

    /** Awaitility asks once, at once, in this thread: the clock does the waiting. */
    ConditionFactory conditions() {
        return Awaitility.await(alias).pollInSameThread().pollDelay(Duration.ZERO).forever();
    }

    private AssertionError failed(VirtualClock.Outcome outcome) {
        return Waits.failure(rig, alias, null, "Waited for " + alias + ", but " + Waits.why(rig, outcome, horizon) + " "
                + Waits.context(rig) + ".");
    }
}
