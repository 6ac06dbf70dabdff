package dev.callflow.rules.transactions;

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
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;

/**
 * R-TX-3. "A non-nil error indicates that the requested transaction could not be executed." A refusal
 * ({@code CXErrorCodeRequestTransactionError}) means the app was wrong about the call's state (error 4 for a UUID
 * already gone, 5 for one that exists); it warns, and R-END-3 judges whether the app still cleaned up.
 */
public final class RefusedTransactionNamed extends BaseRule {

    public RefusedTransactionNamed() {
        super("R-TX-3", Severity.WARNING,
                "Request CXCallController transactions only for calls in the state they need; a request(_:completion:) "
                        + "error (CXErrorCodeRequestTransactionError) means the app's call state was wrong",
                "[A-hdr] CXCallController.h, CXError.h; [A-doc] CXErrorCodeRequestTransactionError; "
                        + "[M] wireapp/wire-ios-sync-engine PR #357; bugs #11, #35, #45, #49");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> completions = trace.where(Trace.is(REQUEST_TRANSACTION_COMPLETION).and(e -> e.source() == Source.SYSTEM));
        if (completions.isEmpty()) {
            return notJudged("no CXCallController request on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event c : completions) {
            if (c.attribute("error").isEmpty()) {
                continue;
            }
            List<Event> offending = new ArrayList<>();
            trace.lastBefore(c, Trace.is(REQUEST_TRANSACTION).mayConcern(c.call()).and(e -> e.source() == Source.APP)).ifPresent(offending::add);
            offending.add(c);
            String actions = offending.get(0).attribute("actions").map(a -> " (" + a + ")").orElse("");
            findings.add(Finding.warning("the system refused the transaction" + actions + " with "
                    + c.attribute("error").get() + c.attribute("code").map(x -> " (" + x + ")").orElse("")
                    + ": the app's view of the call disagreed with the system's", offending.toArray(Event[]::new)));
        }
        return verdict(findings);
    }
}
