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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.PUSH_ACCEPTED;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;

/**
 * R-PUSH-4. "Don't use this type of notification for anything other than initiating VoIP calls." A VoIP push that
 * does not start a live call (its payload is not a call, or its call already ended) must still be reported, and the
 * phantom call then ended with reportCall(with:endedAt:reason:) (element-x-ios PR #5682).
 * <p>
 * The payload kind is read from a {@code payloadType} attribute on {@code pushAccepted} or
 * {@code didReceiveIncomingPush}; pushes without it count as calls.
 */
public final class VoipPushOnlyStartsCalls extends BaseRule {
    static final Set<String> CALL_KINDS = Set.of("call", "incomingcall", "voipcall", "offer");

    public VoipPushOnlyStartsCalls() {
        super("R-PUSH-4", Severity.VIOLATION,
                "Use VoIP pushes only to start calls: a non-call or stale VoIP push is still reported with "
                        + "reportNewIncomingCall and the call then ended with reportCall(with:endedAt:reason:)",
                "[A-doc] PKPushType.voIP; [A-DTS] 817976; [M] element-x-ios PR #5682, linphone-iphone #834, "
                        + "flutter_callkit_incoming #438; bugs #23, #32, #37");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        Map<String, Event> acceptedByApnsId = new HashMap<>();
        trace.where(Trace.is(PUSH_ACCEPTED).and(e -> e.source() == Source.PUSH))
                .forEach(e -> e.attribute("apnsId").ifPresent(id -> acceptedByApnsId.putIfAbsent(id, e)));
        for (Event push : PushEvents.pushes(trace)) {
            Optional<String> why = notAStartingCall(trace, push, acceptedByApnsId);
            if (why.isEmpty()) {
                continue;
            }
            judged++;
            // Any report in the push's window: a phantom call reported under a fresh UUID answers a push that starts no call.
            Optional<Event> report = PushEvents.anyReportFor(trace, push);
            if (report.isEmpty()) {
                findings.add(Finding.of("a VoIP push " + why.get() + " was not reported; even a push that starts no call "
                        + "must be reported and then ended", push));
                continue;
            }
            Optional<Event> completion = PushEvents.completionOf(trace, report.get());
            if (completion.filter(PushEvents::failed).isPresent()) {
                continue; // the system showed nothing, so there is nothing to end
            }
            Event reported = report.get();
            Trace.Named reportedEnd = reported.call() == null ? Trace.is(REPORT_CALL_ENDED)
                    : Trace.is(REPORT_CALL_ENDED, reported.call());
            Optional<Event> ended = trace.firstAfter(reported, reportedEnd.and(e -> e.source() == Source.APP));
            if (ended.isEmpty()) {
                findings.add(Finding.of("a VoIP push " + why.get() + " was reported as a call but the call was never "
                        + "ended with reportCallEnded: the phantom call keeps ringing", push, reported));
            }
        }
        if (judged == 0) {
            return notJudged("no VoIP push that starts no call (non-call payload, or a call already ended)");
        }
        return verdict(findings);
    }

    /** {@code acceptedByApnsId}: the first pushAccepted with each APNs id. */
    private static Optional<String> notAStartingCall(Trace trace, Event push, Map<String, Event> acceptedByApnsId) {
        Optional<String> kind = push.attribute("payloadType").or(() -> push.attribute("apnsId")
                .map(acceptedByApnsId::get).flatMap(e -> e.attribute("payloadType")));
        if (kind.isPresent() && !CALL_KINDS.contains(kind.get().toLowerCase(Locale.ROOT))) {
            return Optional.of("with a non-call payload (payloadType=" + kind.get() + ")");
        }
        if (push.call() != null) {
            Optional<Event> ended = trace.lastBefore(push, Trace.anyOf(CALL_ENDED, REPORT_CALL_ENDED).forCall(push.call())
                    .and(e -> e.is(Source.SYSTEM, CALL_ENDED) || e.is(Source.APP, REPORT_CALL_ENDED)));
            if (ended.isPresent()) {
                return Optional.of("for a call that had already ended");
            }
        }
        return Optional.empty();
    }
}
