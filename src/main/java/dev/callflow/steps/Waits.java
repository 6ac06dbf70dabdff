package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.LogFormat;

import java.time.Duration;
import java.util.List;
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
        await(rig, events -> {
            for (int i = (int) Math.max(0, fromSeq - 1); i < events.size(); i++) {
                if (match.test(events.get(i))) {
                    found[0] = events.get(i);
                    return true;
                }
            }
            return rig.device().settled();
        });
        if (found[0] == null) {
            String when = rig.device().settled() ? "the device settled (nothing left in flight) without it"
                    : "it did not happen within " + bound.toMillis() + " ms (timing profile '" + rig.settings().timing().name() + "')";
            throw new AssertionError("Waited for " + what + ", but " + when + ".\nTimeline so far:\n"
                    + LogFormat.standard().render(rig.timeline()));
        }
        return found[0];
    }

    /**
     * Waits until {@code condition} holds for the timeline, within the wait bound stretched by the real time the app's
     * main thread spent running meanwhile, at most by the hang guard: the only real-time bound on the app is the hang
     * guard per handler (docs/iut-protocol.md section 11), so a slow machine never fails a scenario the app would
     * pass. An app in this JVM takes no time to speak of; nothing changes for it.
     */
    static boolean await(ScenarioRig rig, Predicate<List<Event>> condition) {
        return await(rig, condition, rig.waitBound());
    }

    /** {@link #await(ScenarioRig, Predicate)} with a bound of its own, stretched the same way. */
    static boolean await(ScenarioRig rig, Predicate<List<Event>> condition, Duration bound) {
        long start = System.nanoTime();
        long busyBefore = rig.device().appMainThreadBusy().toNanos();
        long most = rig.settings().hangGuard().toNanos();
        while (true) {
            long stretch = Math.min(most, rig.device().appMainThreadBusy().toNanos() - busyBefore);
            long left = start + bound.toNanos() + stretch - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (rig.timeline().await(condition, Duration.ofNanos(left))) {
                return true;
            }
        }
    }

    /** Waits (as {@link #await}) until the device has settled: nothing queued could still produce an event. */
    static boolean settled(ScenarioRig rig) {
        return await(rig, events -> rig.device().settled());
    }

    /** An event of this name (a feature's word: it may be an app's own) and, unless {@code null}, this call. */
    static Predicate<Event> named(String name, UUID call) {
        return e -> e.name().equals(name) && (call == null || call.equals(e.call()));
    }

    static Predicate<Event> named(EventKind kind, UUID call) {
        return named(kind.wireName(), call);
    }

    /**
     * A person reacts to a ringing UI, which takes far longer than the report's completion: waits for the UI and the
     * completion. A gesture then reaches the app on its main queue after the completion's handler, whatever the app
     * is. Not a full settle: a scenario may act while a login is in flight or the main thread hangs.
     */
    static void ringing(ScenarioRig rig, UUID id, String name) {
        until(rig, "the system to show the incoming-call UI for " + name, named(EventKind.INCOMING_CALL_UI_SHOWN, id));
        until(rig, "the report of " + name + " to complete", named(EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION, id));
        failIfEnded(rig, id, name);
    }

    /**
     * A gesture at a ringing call found it gone: if the call ended (the app ended it, or the system killed the app
     * over an unreported push), that is the implementation's doing, a conformance failure rather than a scenario that
     * gestures at a call it never set up. Otherwise returns, and the caller's own error stands.
     */
    static void failIfEnded(ScenarioRig rig, UUID id, String name) {
        List<Event> events = rig.timeline().events();
        events.stream().filter(e -> e.is(EventKind.CALL_ENDED) && id.equals(e.call())).findFirst().ifPresent(ended -> {
            String killed = events.stream().filter(e -> e.is(dev.callflow.timeline.Source.SYSTEM, EventKind.APP_TERMINATED)
                            && e.seq() > ended.seq() - 5 && e.seq() < ended.seq() + 5)
                    .map(e -> "; " + e.brief()).findFirst().orElse("");
            throw new AssertionError("Expected " + name + " to still ring on the system call UI for the user's gesture, "
                    + "but it already ended: " + ended.brief() + killed);
        });
    }

    /** Runs a gesture at a ringing call; a call that ended under it is the implementation's failure (see above). */
    static void atRingingCall(ScenarioRig rig, UUID id, String name, Runnable gesture) {
        try {
            gesture.run();
        } catch (IllegalStateException gone) {
            failIfEnded(rig, id, name);
            throw gone;
        }
    }
}
