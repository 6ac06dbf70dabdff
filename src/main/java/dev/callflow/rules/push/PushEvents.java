package dev.callflow.rules.push;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION;

/** Queries the push rules share: which pushes arrived, and what each one's handler reported. */
final class PushEvents {
    static final EventKind PUSH = DID_RECEIVE_INCOMING_PUSH;
    static final EventKind REPORT = REPORT_NEW_INCOMING_CALL;
    static final EventKind REPORT_DONE = REPORT_NEW_INCOMING_CALL_COMPLETION;

    private PushEvents() { }

    /** Pushes PushKit handed to the app's delegate, in order. */
    static List<Event> pushes(Trace trace) {
        return trace.where(Trace.is(PUSH).and(e -> e.source() == Source.SYSTEM));
    }

    /** The event that closes a push's handling window: the next push, or the timeline's end (null). */
    static Event nextPush(Trace trace, Event push) {
        return trace.firstAfter(push, Trace.is(PUSH).and(e -> e.source() == Source.SYSTEM)).orElse(null);
    }

    /** The first report after {@code push} (and before the next push) that may concern the push's call. */
    static Optional<Event> reportFor(Trace trace, Event push) {
        Event next = nextPush(trace, push);
        return trace.firstBetween(push, next, Trace.isFor(REPORT, push));
    }

    /**
     * The report that satisfied PushKit for this push: one for the push's own call if there is one, else any report
     * in the push's window. PushKit only checks that a call was reported, so a phantom call reported under a fresh
     * UUID for a push that starts no call satisfies it too (R-PUSH-4, R-PUSH-5).
     */
    static Optional<Event> anyReportFor(Trace trace, Event push) {
        Event next = nextPush(trace, push);
        return reportFor(trace, push).or(() -> trace.firstBetween(push, next, Trace.is(REPORT)));
    }

    /** The completion of a report: the first report completion for its call after it. */
    static Optional<Event> completionOf(Trace trace, Event report) {
        return trace.firstAfter(report, Trace.is(REPORT_DONE).mayConcern(report.call()));
    }

    static boolean failed(Event reportCompletion) {
        return reportCompletion.attribute("error").isPresent();
    }
}
