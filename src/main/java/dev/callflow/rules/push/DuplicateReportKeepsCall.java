package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.BUSY;
import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.DECLINE;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_RESET;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.RING_TIMEOUT;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;
import static dev.callflow.timeline.EventKind.TIMED_OUT_PERFORMING_ACTION;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-PUSH-8. Reporting the same UUID again is fine: "subsequent calls respond with an error"
 * ({@code callUUIDAlreadyExists}). That error does not mean the call was refused: the existing call goes on, so the
 * app must not tear it down (no reportCallEnded, end
 * transaction, busy, decline or SDK release until the user, the server or the system ends it).
 */
public final class DuplicateReportKeepsCall extends BaseRule {
    static final String DUPLICATE = "callUUIDAlreadyExists";
    /** What legitimately ends the existing call after the duplicate, whichever call it concerns. */
    private static final Trace.Named ENDS_EVERY_CALL = Trace.anyOf(APP_TERMINATED, PROVIDER_DID_RESET);
    /** The names {@link #tearsDown} accepts. */
    private static final Trace.Named TEARDOWN_KINDS = Trace.anyOf(REPORT_CALL_ENDED, REQUEST_TRANSACTION, BUSY,
            DECLINE, UNPREPARE_SDK, RELEASE_AUDIO);

    public DuplicateReportKeepsCall() {
        super("R-PUSH-8", Severity.VIOLATION,
                "Treat reportNewIncomingCall's callUUIDAlreadyExists for a duplicate push as handled: it satisfies "
                        + "R-PUSH-1 and must not end, decline or release the existing call",
                "[A-doc] reportNewIncomingVoIPPushPayload(_:completion:); [M] wireapp/wire-ios PR #5070; bug #36");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> duplicates = trace.where(Trace.is(PushEvents.REPORT_DONE).and(e -> e.source() == Source.SYSTEM && e.attribute("error").filter(DUPLICATE::equals).isPresent()));
        if (duplicates.isEmpty()) {
            return notJudged("no duplicate report (reportNewIncomingCallCompletion error=callUUIDAlreadyExists)");
        }
        Trace.Named endsThisCall = Trace.anyOf(endNames(trace)).and(DuplicateReportKeepsCall::endsThisCall);
        List<Finding> findings = new ArrayList<>();
        for (Event dup : duplicates) {
            UUID call = dup.call();
            Optional<Event> stop = earliest(trace.firstAfter(dup, ENDS_EVERY_CALL), trace.firstAfter(dup, endsThisCall.mayConcern(call)));
            Trace.Named tearsDown = TEARDOWN_KINDS.mayConcern(call).and(e -> tearsDown(e, call));
            List<Event> teardown = stop.map(s -> trace.between(dup, s, tearsDown)).orElseGet(() -> trace.through(dup, null, tearsDown));
            if (!teardown.isEmpty()) {
                List<Event> offending = new ArrayList<>();
                offending.add(dup);
                offending.addAll(teardown);
                findings.add(Finding.of("the duplicate report's callUUIDAlreadyExists was treated as a refusal: the app "
                        + "tore down the call that was still ringing or live ("
                        + String.join(", ", teardown.stream().map(Event::name).distinct().toList()) + ")", offending));
            }
        }
        return verdict(findings);
    }

    /**
     * What legitimately ends the existing call after the duplicate when it concerns that call: the user, the server,
     * the system. Looked up among the call's own and the call-less events only, so a duplicate never walks other calls'.
     */
    private static boolean endsThisCall(Event e) {
        return e.is(PERFORM_END_CALL_ACTION) || e.is(RING_TIMEOUT)
                || e.is(TIMED_OUT_PERFORMING_ACTION) || e.is(Source.SYSTEM, CALL_ENDED)
                || (e.is(Source.SIGNALLING, SERVER_EVENT) && !e.attribute("type").filter("offer"::equals).isPresent())
                || (e.source() == Source.USER && e.name().startsWith("user"));
    }

    /** The names {@link #endsThisCall} accepts; a user action's name is any this trace holds. */
    private static String[] endNames(Trace trace) {
        Set<String> names = new LinkedHashSet<>();
        for (EventKind k : List.of(PERFORM_END_CALL_ACTION, RING_TIMEOUT,
                TIMED_OUT_PERFORMING_ACTION, CALL_ENDED, SERVER_EVENT)) {
            names.add(k.wireName());
        }
        trace.events().stream().filter(e -> e.source() == Source.USER && e.name().startsWith("user"))
                .forEach(e -> names.add(e.name()));
        return names.toArray(String[]::new);
    }

    private static Optional<Event> earliest(Optional<Event> a, Optional<Event> b) {
        return a.isEmpty() || b.isPresent() && b.get().seq() < a.get().seq() ? b : a;
    }

    private static boolean tearsDown(Event e, UUID call) {
        if (!concerns(e, call)) {
            return false;
        }
        return e.is(Source.APP, REPORT_CALL_ENDED)
                || (e.is(Source.APP, REQUEST_TRANSACTION) && e.attribute("actions").filter(a -> a.contains("end")).isPresent())
                || (e.source() == Source.SIGNALLING && (e.is(BUSY) || e.is(DECLINE)))
                // an SDK event without a call is the defensive unprepare before a new call, unless no event has IDs
                || (e.source() == Source.SDK && (e.is(UNPREPARE_SDK) || e.is(RELEASE_AUDIO)) && (e.call() != null || call == null));
    }

    /** Events for this call; in a log without call IDs every event may be. */
    private static boolean concerns(Event e, UUID call) {
        return call == null || e.call() == null || call.equals(e.call());
    }
}
