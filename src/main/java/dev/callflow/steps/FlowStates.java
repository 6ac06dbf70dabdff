package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * States a step must wait for before it acts, so that it never does what no phone could: a server cannot answer for
 * the callee before the app's invite reached it, and the other call cannot end before it connected. Each wait is
 * event-driven on the virtual clock and bounded by the wait bound.
 */
final class FlowStates {
    private FlowStates() { }

    /** The app's invite for the call reached the signalling server (whatever the server answered). */
    static Event inviteReached(ScenarioRig rig, UUID call, String name) {
        return Waits.until(rig, "the app's invite of " + name + " to reach the signalling server (the server can answer "
                + "for the callee only after it)", e -> e.is(Source.SIGNALLING, EventKind.INVITE) && call.equals(e.call()));
    }

    private static final Set<EventKind> OTHER_CALL_STEPS = Set.of(EventKind.OTHER_CALL_INCOMING,
            EventKind.USER_CHOSE_HOLD_AND_ACCEPT, EventKind.USER_CHOSE_END_AND_ACCEPT, EventKind.USER_DECLINED_OTHER_CALL,
            EventKind.OTHER_CALL_ENDED);

    /**
     * The other call (cellular, another app's) is connected: the user took it, and the system has moved the app's
     * call out of its way, held (the set-held action fulfilled) or ended, and taken the audio session from it.
     */
    static void otherCallActive(ScenarioRig rig, java.util.function.Function<UUID, String> names) {
        List<Event> events = rig.timeline().events();
        Event last = null;
        for (Event e : events) {
            if (e.kind().filter(OTHER_CALL_STEPS::contains).isPresent()) {
                last = e;
            }
        }
        if (last == null) {
            throw new IllegalStateException("No other call came in, so it cannot be active: say 'a cellular call comes in' "
                    + "and the user's choice first");
        }
        if (last.is(EventKind.OTHER_CALL_INCOMING)) {
            throw new IllegalStateException("The other call still rings (" + last.brief() + "): it becomes active only after "
                    + "the user chooses \"Hold & Accept\" or \"End & Accept\" for it");
        }
        if (last.is(EventKind.USER_DECLINED_OTHER_CALL) || last.is(EventKind.OTHER_CALL_ENDED)) {
            throw new IllegalStateException("The other call is over (" + last.brief() + "), so it cannot be active");
        }
        UUID call = last.call();
        String name = names.apply(call);
        boolean hold = last.is(EventKind.USER_CHOSE_HOLD_AND_ACCEPT);
        Predicate<Event> ended = Waits.named(EventKind.CALL_ENDED, call);
        Predicate<Event> holdCompleted = e -> (e.is(Source.APP, EventKind.FULFILL) || e.is(Source.APP, EventKind.FAIL))
                && call.equals(e.call()) && "setHeld".equals(e.attribute("action").orElse(""));
        Event resolved = Waits.until(rig, hold ? "the system to hold " + name + " for the other call (the app's fulfil of "
                        + "the set-held action after " + last.brief() + ")" : "the system to end " + name + " for the other call",
                hold ? holdCompleted.or(ended) : ended, last.seq());
        if (resolved.is(EventKind.FAIL)) {
            throw new AssertionError("Expected the other call to become active once " + name + " was held, but the app "
                    + "failed the set-held action: " + resolved.brief() + " " + Waits.context(rig));
        }
        Waits.until(rig, "the system to take the audio session from " + name + " for the other call",
                e -> e.is(EventKind.DID_DEACTIVATE_AUDIO_SESSION) || e.is(EventKind.AUDIO_SESSION_DEACTIVATED), resolved.seq());
    }
}
