package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.PUSH_NOT_DELIVERED;
import static dev.callflow.timeline.EventKind.PUSH_NOT_REPORTED;

/**
 * R-PUSH-1. "On iOS 13.0 and later, incoming Voice over IP calls must be reported when they are received and before
 * this method finishes execution using the CallKit framework, or the system will terminate your app." The device
 * records {@code pushNotReported} when the delegate returned without a report, then kills the app.
 */
public final class ReportBeforePushHandlerReturns extends BaseRule {

    public ReportBeforePushHandlerReturns() {
        super("R-PUSH-1", Severity.VIOLATION,
                "Report every VoIP push with CXProvider.reportNewIncomingCall(with:update:completion:) before "
                        + "pushRegistry(_:didReceiveIncomingPushWith:for:completion:) returns",
                "[A-doc] pushRegistry(_:didReceiveIncomingPushWith:for:completion:), PKPushType.voIP; "
                        + "[M] wireapp/wire-ios PR #5070; bugs #5, #6, #23, #32, #36, #37, #48");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> pushes = PushEvents.pushes(trace);
        List<Event> notReported = trace.named(PUSH_NOT_REPORTED);
        if (pushes.isEmpty() && notReported.isEmpty()) {
            return notJudged("no VoIP push reached the app (no didReceiveIncomingPush or pushNotReported)");
        }
        List<Finding> findings = new ArrayList<>();
        Set<Long> explained = new HashSet<>();
        for (Event push : pushes) {
            Event next = PushEvents.nextPush(trace, push);
            Optional<Event> report = PushEvents.anyReportFor(trace, push);
            Optional<Event> killed = trace.firstAfter(push, Trace.is(PUSH_NOT_REPORTED).mayConcern(push.call()).and(e -> (next == null || e.seq() < next.seq())));
            if (killed.isPresent() && (report.isEmpty() || report.get().seq() > killed.get().seq())) {
                explained.add(killed.get().seq());
                List<Event> offending = withTermination(trace, push, killed.get());
                findings.add(Finding.of("the push handler returned without reporting a call; the system kills the app ("
                        + killed.get().attribute("exception").orElse("NSInternalInconsistencyException") + ")", offending));
            } else if (report.isEmpty()) {
                List<Event> offending = withTermination(trace, push, push);
                findings.add(Finding.of("no reportNewIncomingCall after the VoIP push"
                        + (offending.size() > 1 ? "; the app was terminated instead" : ""), offending));
            }
        }
        for (Event orphan : notReported) {
            if (!explained.contains(orphan.seq())) {
                findings.add(Finding.of("a VoIP push went unreported ("
                        + trace.lastBefore(orphan, Trace.is(PUSH_NOT_DELIVERED)).flatMap(e -> e.attribute("why"))
                                .orElse("never handed to a delegate that reported it") + ")",
                        withTermination(trace, orphan, orphan)));
            }
        }
        return verdict(findings);
    }

    /** The anchor, plus the app termination that followed it, if any came before the next push. */
    private static List<Event> withTermination(Trace trace, Event push, Event anchor) {
        List<Event> out = new ArrayList<>();
        out.add(push);
        if (anchor != push) {
            out.add(anchor);
        }
        Event next = PushEvents.nextPush(trace, push);
        trace.firstAfter(anchor, Trace.is(APP_TERMINATED).and(e -> (next == null || e.seq() < next.seq())))
                .ifPresent(out::add);
        return out;
    }
}
