package dev.callflow.rules.incoming;

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

/**
 * R-INC-2. A report refused with a {@code CXErrorCodeIncomingCallError} leaves no call behind: the UUID is unknown
 * to the system, and a CXCallController request for it only earns {@code unknownCallUUID} (bugs #35, #49).
 */
public final class RefusedUuidNotReused extends BaseRule {

    public RefusedUuidNotReused() {
        super("R-INC-2", Severity.VIOLATION,
                "After reportNewIncomingCall fails with a CXErrorCodeIncomingCallError, do not use that call UUID in "
                        + "CXCallController.request(_:completion:) transactions",
                "[A-hdr] CXError.h; [A-doc] CXErrorCodeIncomingCallError; [M] flutter_callkit_incoming PR #803, "
                        + "wireapp/wire-ios-sync-engine PR #357; bugs #27, #35");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> refusals = IncomingEvents.refusals(trace).stream().filter(e -> e.call() != null).toList();
        if (refusals.isEmpty()) {
            return notJudged("no refused reportNewIncomingCall with a call UUID to follow");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event refusal : refusals) {
            Optional<Event> until = IncomingEvents.nextReport(trace, refusal);
            for (Event request : trace.where(e -> IncomingEvents.inWindow(e, refusal, until)
                    && e.is(Source.APP, "requestTransaction") && refusal.call().equals(e.call()))) {
                findings.add(Finding.of("the app asked for a transaction (" + request.attribute("actions").orElse("?")
                        + ") on a call the system refused (" + refusal.attribute("error").orElse("?") + ")", refusal, request));
            }
        }
        return verdict(findings);
    }
}
