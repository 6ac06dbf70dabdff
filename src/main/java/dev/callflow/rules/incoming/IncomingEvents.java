package dev.callflow.rules.incoming;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION;

/** Queries the incoming-call rules share. */
final class IncomingEvents {
    static final EventKind REPORT = REPORT_NEW_INCOMING_CALL;
    static final EventKind REPORT_DONE = REPORT_NEW_INCOMING_CALL_COMPLETION;
    static final String DUPLICATE = "callUUIDAlreadyExists";

    private IncomingEvents() { }

    /**
     * Report completions with an error that refused the call. {@code callUUIDAlreadyExists} is left out: the call
     * it names exists and goes on (R-PUSH-8).
     */
    static List<Event> refusals(Trace trace) {
        return trace.where(Trace.is(REPORT_DONE).and(e -> e.source() == Source.SYSTEM && e.attribute("error").isPresent()
                && !e.attribute("error").filter(DUPLICATE::equals).isPresent()));
    }
}
