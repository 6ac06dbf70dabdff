package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * R-PUSH-8. Reporting the same UUID again is fine: "subsequent calls respond with an error"
 * ({@code callUUIDAlreadyExists}). That error does not mean the call was refused: the existing call goes on, so the
 * app must not tear it down (no reportCallEnded, end
 * transaction, busy, decline or SDK release until the user, the server or the system ends it).
 */
public final class DuplicateReportKeepsCall extends BaseRule {
    static final String DUPLICATE = "callUUIDAlreadyExists";

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
        List<Finding> findings = new ArrayList<>();
        for (Event dup : duplicates) {
            UUID call = dup.call();
            Optional<Event> stop = trace.firstAfter(dup, endTrigger(call));
            List<Event> teardown = trace.where(e -> e.seq() > dup.seq() && (stop.isEmpty() || e.seq() < stop.get().seq())
                    && tearsDown(e, call));
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

    /** What legitimately ends the existing call after the duplicate: the user, the server, the system. */
    private static Predicate<Event> endTrigger(UUID call) {
        return e -> e.is("appTerminated") || e.is("providerDidReset")
                || (concerns(e, call) && (e.is("performEndCallAction") || e.is("ringTimeout")
                || e.is("timedOutPerformingAction") || e.is(Source.SYSTEM, "callEnded")
                || (e.is(Source.SIGNALLING, "serverEvent") && !e.attribute("type").filter("offer"::equals).isPresent())
                || (e.source() == Source.USER && e.name().startsWith("user"))));
    }

    private static boolean tearsDown(Event e, UUID call) {
        if (!concerns(e, call)) {
            return false;
        }
        return e.is(Source.APP, "reportCallEnded")
                || (e.is(Source.APP, "requestTransaction") && e.attribute("actions").filter(a -> a.contains("end")).isPresent())
                || (e.source() == Source.SIGNALLING && (e.is("busy") || e.is("decline")))
                // an SDK event without a call is the defensive unprepare before a new call, unless no event has IDs
                || (e.source() == Source.SDK && (e.is("unprepareSDK") || e.is("releaseAudio")) && (e.call() != null || call == null));
    }

    /** Events for this call; in a log without call IDs every event may be. */
    private static boolean concerns(Event e, UUID call) {
        return call == null || e.call() == null || call.equals(e.call());
    }
}
