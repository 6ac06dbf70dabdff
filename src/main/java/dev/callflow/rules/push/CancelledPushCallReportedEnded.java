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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.CALL_STATE_CHANGED;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PERFORM_ANSWER_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;

/**
 * R-PUSH-5. DTS: "you are still free to decide the call has failed and tell the system later, asynchronously. To do
 * this, call reportCallWithUUID:endedAtDate:reason:. This will tear down the incoming call UI even if the user has
 * not answered the call." Judged for calls that came in by push and whose caller cancelled before an answer, or
 * whose push arrived after the cancel. R-END-1 judges every other remote end.
 */
public final class CancelledPushCallReportedEnded extends BaseRule {
    private static final Set<String> REASONS = Set.of("remoteEnded", "unanswered");

    public CancelledPushCallReportedEnded() {
        super("R-PUSH-5", Severity.VIOLATION,
                "When the caller cancels a call that came in by VoIP push (before or after the push), report it with "
                        + "reportCall(with:endedAt:reason:) .remoteEnded or .unanswered; never just drop it",
                "[A-DTS] forum thread 117939; [M] element-x-ios PR #5682; bugs #26, #37");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        Set<UUID> pushCalls = new LinkedHashSet<>();
        PushEvents.pushes(trace).forEach(p -> { if (p.call() != null) pushCalls.add(p.call()); });
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (UUID call : pushCalls) {
            for (Event cancel : trace.where(Trace.anyOf(SERVER_EVENT, CALL_STATE_CHANGED).forCall(call)
                    .and(e -> e.source() == Source.SIGNALLING && isCancel(e)))) {
                Optional<Event> pushAfter = trace.firstAfter(cancel, Trace.is(PushEvents.PUSH, call));
                Optional<Event> pushBefore = trace.lastBefore(cancel, Trace.is(PushEvents.PUSH, call));
                Event anchor;
                String situation;
                if (pushBefore.isPresent() && ringingAt(trace, call, pushBefore.get(), cancel)) {
                    anchor = cancel;
                    situation = "the caller cancelled before the answer";
                } else if (pushBefore.isEmpty() && pushAfter.isPresent()) {
                    Optional<Event> report = PushEvents.reportFor(trace, pushAfter.get());
                    if (report.isEmpty() || PushEvents.completionOf(trace, report.get()).filter(PushEvents::failed).isPresent()) {
                        continue; // R-PUSH-1 judges an unreported push; a refused report shows nothing to end
                    }
                    anchor = report.get();
                    situation = "the push arrived for a call the caller had already cancelled";
                } else {
                    continue;
                }
                judged++;
                Optional<Event> reportedEnd = trace.firstAfter(anchor, Trace.is(REPORT_CALL_ENDED, call).and(e -> e.source() == Source.APP));
                if (reportedEnd.isPresent()) {
                    String reason = reportedEnd.get().attribute("reason").orElse("?");
                    if (!REASONS.contains(reason)) {
                        findings.add(Finding.warning(situation + ", but the end was reported with reason " + reason
                                + " instead of remoteEnded or unanswered", cancel, reportedEnd.get()));
                    }
                    continue;
                }
                Optional<Event> localEnd = trace.firstAfter(anchor, Trace.is(REQUEST_TRANSACTION, call).and(e -> e.source() == Source.APP
                        && e.attribute("actions").filter(a -> a.contains("end")).isPresent()));
                if (localEnd.isPresent()) {
                    findings.add(Finding.warning(situation + "; the app ended it with its own CXEndCallAction, which "
                            + "records a local end, instead of reportCall(endedAt:reason:)", cancel, localEnd.get()));
                } else {
                    findings.add(Finding.of(situation + ", and the app never reported the end: the call keeps ringing",
                            pushBefore.orElse(pushAfter.orElse(cancel)), cancel));
                }
            }
        }
        if (judged == 0) {
            return notJudged("no call that came in by VoIP push was cancelled by its caller before an answer");
        }
        return verdict(findings);
    }

    /**
     * The caller's cancel: the cancel event the server sent the app, or the server's own state change when the cancel
     * came before the push, with no app connected to hear it.
     */
    private static boolean isCancel(Event e) {
        return (e.is(SERVER_EVENT) && e.attribute("type").filter("cancel"::equals).isPresent())
                || (e.is(CALL_STATE_CHANGED) && e.attribute("state").filter("cancelled"::equals).isPresent());
    }

    /** Reported without error, not answered and not yet ended when the cancel arrived. */
    private static boolean ringingAt(Trace trace, UUID call, Event push, Event cancel) {
        Optional<Event> report = PushEvents.reportFor(trace, push).filter(r -> r.seq() < cancel.seq());
        if (report.isEmpty()) {
            return false;
        }
        Optional<Event> done = PushEvents.completionOf(trace, report.get());
        if (done.filter(PushEvents::failed).isPresent()) {
            return false;
        }
        Trace.Named answeredOrEnded = Trace.anyOf(PERFORM_ANSWER_CALL_ACTION, CALL_ENDED, REPORT_CALL_ENDED, FULFILL)
                .forCall(call).and(e -> e.is(PERFORM_ANSWER_CALL_ACTION) || e.is(Source.SYSTEM, CALL_ENDED)
                        || e.is(Source.APP, REPORT_CALL_ENDED)
                        || (e.is(FULFILL) && e.attribute("action").filter("answer"::equals).isPresent()));
        return trace.between(report.get(), cancel, answeredOrEnded).isEmpty();
    }
}
