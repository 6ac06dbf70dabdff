package dev.callflow.steps;

import dev.callflow.device.VirtualClock;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.FailureCauses;
import dev.callflow.timeline.Timeline;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The scenario's waits: the only moments the phone runs and its virtual clock moves. A wait lets the phone run until
 * its condition holds, the phone settles without it (nothing left in flight, known exactly), or the clock would pass
 * the wait bound (a virtual horizon, {@link ScenarioRig#waitBound()}); then it runs what is due now with time frozen
 * and holds the clock again, so the step after it acts on a quiet phone. Real time bounds a wait only as the hang
 * guard: no progress at all for the real-time guard ends it.
 */
final class Waits {
    private Waits() { }

    /**
     * Waits for an event; fails with the cause first (see {@link #failure}), then what was awaited, why it stopped and
     * the timeline so far.
     */
    static Event until(ScenarioRig rig, String what, Predicate<Event> match) {
        return until(rig, what, null, match, 1);
    }

    /** {@link #until(ScenarioRig, String, Predicate)} for an event of {@code call}: its failures lead the message. */
    static Event until(ScenarioRig rig, String what, UUID call, Predicate<Event> match) {
        return until(rig, what, call, match, 1);
    }

    static Event until(ScenarioRig rig, String what, Predicate<Event> match, long fromSeq) {
        return until(rig, what, null, match, fromSeq);
    }

    private static Event until(ScenarioRig rig, String what, UUID call, Predicate<Event> match, long fromSeq) {
        Event[] found = new Event[1];
        VirtualClock.Outcome outcome = await(rig, events -> {
            found[0] = Timeline.firstFrom(events, fromSeq, match).orElse(null);
            return found[0] != null;
        });
        if (found[0] == null) {
            throw failure(rig, what, call, "Waited for " + what + ", but " + why(rig, outcome, rig.waitBound()) + " "
                    + context(rig) + ".");
        }
        return found[0];
    }

    /**
     * A failed wait's error: first the cause, which is the external implementation's verdict (it hung, exited, broke
     * the protocol) or else the first failure on the timeline that concerns {@code call} (any call when null); then
     * {@code message}; then the timeline so far.
     */
    static AssertionError failure(ScenarioRig rig, String awaited, UUID call, String message) {
        return new AssertionError(causeFirst(rig, awaited, call) + message + "\nTimeline so far:\n" + dump(rig).stripTrailing());
    }

    /** The cause of a failed wait as the message's first line, or nothing when the timeline shows none. */
    static String causeFirst(ScenarioRig rig, String awaited, UUID call) {
        List<Event> events = rig.timeline().events();
        return FailureCauses.iutVerdict(events, awaited)
                .or(() -> FailureCauses.firstFailure(events, call).map(f -> FailureCauses.lead(f, rig.calls()::nameOf)))
                .map(cause -> cause + "\n").orElse("");
    }

    /** The timeline as failures show it: {@code #N}, virtual time, source, event, short call names, attributes. */
    static String dump(ScenarioRig rig) {
        return EventLines.dump(rig.timeline().events(), rig.calls()::nameOf);
    }

    /** Runs the phone until {@code condition} holds for the timeline, the phone settles, or the wait bound. */
    static VirtualClock.Outcome await(ScenarioRig rig, Predicate<List<Event>> condition) {
        return await(rig, condition, rig.waitBound(), true);
    }

    /**
     * {@link #await(ScenarioRig, Predicate)} with a horizon of its own; {@code stopWhenSettled} false lets the clock run
     * on to background timers (a ring timeout) when nothing else is in flight.
     */
    static VirtualClock.Outcome await(ScenarioRig rig, Predicate<List<Event>> condition, Duration horizon, boolean stopWhenSettled) {
        return rig.device().runUntil(condition, horizon, stopWhenSettled);
    }

    /** Runs the phone until it has settled: nothing queued could still produce an event. */
    static boolean settled(ScenarioRig rig) {
        return await(rig, events -> false) == VirtualClock.Outcome.SETTLED;
    }

    /** Why a wait ended without its condition, in words. */
    static String why(ScenarioRig rig, VirtualClock.Outcome outcome, Duration horizon) {
        return switch (outcome) {
            case SETTLED -> "the device settled (nothing left in flight) without it";
            case HORIZON -> "it did not happen within " + horizon.toMillis() + " ms of virtual time"
                    + (rig.device().settled() ? "" : " (" + rig.clock().describe() + ")");
            case STALLED -> "the phone made no progress for " + rig.clock().realTimeGuard().toMillis()
                    + " ms of real time (" + rig.clock().describe() + "): an app's handler or a network answer never returned";
            case CLOSED -> "the device was shut down";
            case MATCHED -> "it happened";
        };
    }

    /** What a failure should say about the run, so it can be repeated exactly. */
    static String context(ScenarioRig rig) {
        return "(timing profile '" + rig.settings().timing().name() + "', seed " + rig.settings().seed()
                + ", implementation '" + rig.settings().iut() + "', virtual time "
                + rig.clock().now().toMillis() + " ms)";
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
        until(rig, "the system to show the incoming-call UI for " + name, id, named(EventKind.INCOMING_CALL_UI_SHOWN, id));
        until(rig, "the report of " + name + " to complete", id, named(EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION, id));
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
                    .map(e -> "; " + EventLines.brief(e, rig.calls()::nameOf)).findFirst().orElse("");
            throw new AssertionError("Expected " + name + " to still ring on the system call UI for the user's gesture, "
                    + "but it already ended: " + EventLines.brief(ended, rig.calls()::nameOf) + killed);
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
