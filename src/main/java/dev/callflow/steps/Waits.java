package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** Event-driven, bounded waits on the scenario's timeline, failing with the timeline in view. */
final class Waits {
    private Waits() { }

    /** Waits for an event; fails naming what was awaited, the bound and the timeline so far. */
    static Event until(ScenarioRig rig, String what, Predicate<Event> match) {
        return until(rig, what, match, 1);
    }

    static Event until(ScenarioRig rig, String what, Predicate<Event> match, long fromSeq) {
        Duration bound = rig.waitBound();
        return rig.timeline().awaitEvent(match, fromSeq, bound).orElseThrow(() -> new AssertionError(
                "Waited " + bound.toMillis() + " ms (timing profile '" + rig.settings().timing().name() + "') for "
                        + what + ", but it did not happen.\nTimeline so far:\n" + LogFormat.standard().render(rig.timeline())));
    }

    static Predicate<Event> named(String name, UUID call) {
        return e -> e.name().equals(name) && (call == null || call.equals(e.call()));
    }
}
