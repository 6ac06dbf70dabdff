package dev.callflow.rules.incoming;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.List;
import java.util.Optional;

/**
 * A refused report ({@link IncomingEvents#refusals}) and the end of its window: the next report that may be for the
 * same call, a new attempt; empty when the window runs to the timeline's end.
 */
record RefusalWindow(Event refusal, Optional<Event> until) {

    static List<RefusalWindow> all(Trace trace) {
        return IncomingEvents.refusals(trace).stream().map(refusal -> new RefusalWindow(refusal,
                trace.firstAfter(refusal, Trace.is(IncomingEvents.REPORT).mayConcern(refusal.call())))).toList();
    }

    /** The events of {@code kind} strictly inside the window. */
    List<Event> within(Trace trace, Trace.Named kind) {
        return until.map(u -> trace.between(refusal, u, kind)).orElseGet(() -> trace.through(refusal, null, kind));
    }

    /** The events of {@code kind} strictly inside the window that may concern the refused call. */
    List<Event> withinForCall(Trace trace, Trace.Named kind) {
        return within(trace, kind.mayConcern(refusal.call()));
    }
}
