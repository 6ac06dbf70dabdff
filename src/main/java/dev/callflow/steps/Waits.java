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
        Event[] found = new Event[1];
        rig.timeline().await(events -> {
            for (int i = (int) Math.max(0, fromSeq - 1); i < events.size(); i++) {
                if (match.test(events.get(i))) {
                    found[0] = events.get(i);
                    return true;
                }
            }
            return rig.device().settled();
        }, bound);
        if (found[0] == null) {
            String when = rig.device().settled() ? "the device settled (nothing left in flight) without it"
                    : "it did not happen within " + bound.toMillis() + " ms (timing profile '" + rig.settings().timing().name() + "')";
            throw new AssertionError("Waited for " + what + ", but " + when + ".\nTimeline so far:\n"
                    + LogFormat.standard().render(rig.timeline()));
        }
        return found[0];
    }

    static Predicate<Event> named(String name, UUID call) {
        return e -> e.name().equals(name) && (call == null || call.equals(e.call()));
    }

    /**
     * A person reacts to a ringing UI, which takes far longer than the report's completion: waits for the UI, the
     * completion, and for the app to have handled that completion (an app in another process gets it a little later
     * than the system records it). Not a full settle: a scenario may act while a login is in flight or the main
     * thread hangs.
     */
    static void ringing(ScenarioRig rig, UUID id, String name) {
        until(rig, "the system to show the incoming-call UI for " + name, named("incomingCallUiShown", id));
        until(rig, "the report of " + name + " to complete", named("reportNewIncomingCallCompletion", id));
        rig.device().awaitAppCaughtUp(rig.waitBound());
    }
}
