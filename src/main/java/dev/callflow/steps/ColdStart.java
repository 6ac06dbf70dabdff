package dev.callflow.steps;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A push-wake's cold start, in virtual time (the seed document's third risk; R-PUSH-6): from APNs accepting the push
 * that launched the killed app to the app reporting that push's call, and how much of it the process launch took
 * ({@code appLaunched} to the push reaching PushKit).
 */
record ColdStart(UUID call, long pushToReportMicros, long launchMicros) {

    /** The scenario's first launch by a VoIP push that led to a report, if there was one. */
    static Optional<ColdStart> of(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            Event launched = events.get(i);
            if (!launched.is(EventKind.APP_LAUNCHED) || !"voipPush".equals(launched.attribute("reason").orElse(null))) {
                continue;
            }
            Event accepted = null;
            for (int j = i - 1; j >= 0 && accepted == null; j--) {
                if (events.get(j).is(EventKind.PUSH_ACCEPTED)) {
                    accepted = events.get(j);
                }
            }
            if (accepted == null) {
                continue;
            }
            UUID call = accepted.call();
            Event delivered = first(events, i, EventKind.DID_RECEIVE_INCOMING_PUSH, null);
            Event reported = first(events, i, EventKind.REPORT_NEW_INCOMING_CALL, call);
            if (reported == null) {
                reported = first(events, i, EventKind.REPORT_NEW_INCOMING_CALL, null);
            }
            if (reported == null) {
                continue;
            }
            long launch = (delivered == null ? reported : delivered).micros() - launched.micros();
            return Optional.of(new ColdStart(call, reported.micros() - accepted.micros(), launch));
        }
        return Optional.empty();
    }

    private static Event first(List<Event> events, int from, EventKind kind, UUID call) {
        for (int k = from; k < events.size(); k++) {
            Event e = events.get(k);
            if (e.is(kind) && (call == null || call.equals(e.call()))) {
                return e;
            }
        }
        return null;
    }
}
