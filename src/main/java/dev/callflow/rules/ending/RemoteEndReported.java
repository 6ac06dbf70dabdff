package dev.callflow.rules.ending;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Logged;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.callflow.timeline.EventKind.END_CALL_WITH_COMPLETION;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;

/**
 * R-END-1. A remote hang-up, failure or no answer goes to CallKit as reportCall(with:endedAt:reason:) with a
 * fitting CXCallEndedReason; otherwise the call UI and green bar stay up. A local CXEndCallAction instead is
 * common but records a local end: a warning.
 */
public final class RemoteEndReported extends BaseRule {
    /** Server event type to the CXCallEndedReasons that fit it. */
    static final Map<String, Set<String>> FITTING = CallFacts.REMOTE_END_REASONS;
    private static final Trace.Named LOCAL_END = Trace.anyOf(END_CALL_WITH_COMPLETION, REQUEST_TRANSACTION, PERFORM_END_CALL_ACTION)
            .and(e -> CallFacts.isEndRequest(e) || e.is(PERFORM_END_CALL_ACTION));

    public RemoteEndReported() {
        super("R-END-1", Severity.VIOLATION,
                "Report a remote hang-up, failure or no answer with CXProvider.reportCall(with:endedAt:reason:) and a "
                        + "fitting CXCallEndedReason",
                "[A-hdr] CXCallEndedReason; [A-doc] 'Responding to VoIP Notifications from PushKit'; [M] twilio "
                        + "voice-quickstart PR #200 / objc PR #136; bugs #10, #19, #26, #38");
    }

    static final Logged REPORTED = Logged.anyOf("reportCall(with:endedAt:reason:)", REPORT_CALL_ENDED);

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.of(REPORTED);
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> remoteEnds = trace.where(Trace.is(SERVER_EVENT).and(e -> CallFacts.isRemoteEnd(e) && e.call() != null
                && CallFacts.knownBefore(trace, e.call(), e) && !CallFacts.endedBefore(trace, e.call(), e)
                && trace.lastBefore(e, LOCAL_END.forCall(e.call())).isEmpty()));
        if (remoteEnds.isEmpty()) {
            return notJudged("no remote end (cancel, remoteHangup, declined, busy, noAnswer, answeredElsewhere, "
                    + "declinedElsewhere) of a live call");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event end : remoteEnds) {
            String type = end.attributes().get("type");
            Optional<Event> report = trace.firstAfter(end, Trace.is(REPORT_CALL_ENDED, end.call()));
            Optional<Event> local = trace.firstAfter(end, CallFacts.END_REQUESTS.forCall(end.call()));
            if (report.isPresent() && (local.isEmpty() || report.get().seq() < local.get().seq())) {
                String reason = report.get().attributes().getOrDefault("reason", "");
                if (!FITTING.get(type).contains(reason)) {
                    findings.add(Finding.of("server said " + type + " but the end was reported with reason=" + reason
                            + "; fitting: " + FITTING.get(type), end, report.get()));
                }
            } else if (local.isPresent()) {
                findings.add(Finding.warning("remote " + type + " ended with a local CXEndCallAction instead of "
                        + "reportCall(endedAt:reason:); the system records a local end", end, local.get()));
            } else {
                boolean live = CallFacts.liveAtEnd(trace, end.call());
                findings.add(Finding.of("remote " + type + " never reported to CallKit"
                        + (live ? "; the call stays live in the system UI" : ""), end).unlessLogged(REPORTED));
            }
        }
        return verdict(trace, findings);
    }
}
