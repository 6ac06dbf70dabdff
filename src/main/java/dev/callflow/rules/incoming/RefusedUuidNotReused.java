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

import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;

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
        List<RefusalWindow> windows = RefusalWindow.all(trace).stream().filter(w -> w.refusal().call() != null).toList();
        if (windows.isEmpty()) {
            return notJudged("no refused reportNewIncomingCall with a call UUID to follow");
        }
        List<Finding> findings = new ArrayList<>();
        for (RefusalWindow window : windows) {
            Event refusal = window.refusal();
            for (Event request : window.within(trace, Trace.is(REQUEST_TRANSACTION, refusal.call())
                    .and(e -> e.source() == Source.APP))) {
                findings.add(Finding.of("the app asked for a transaction (" + request.attribute("actions").orElse("?")
                        + ") on a call the system refused (" + refusal.attribute("error").orElse("?") + ")", refusal, request));
            }
        }
        return verdict(findings);
    }
}
