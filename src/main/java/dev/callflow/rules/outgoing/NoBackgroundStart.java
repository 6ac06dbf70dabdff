package dev.callflow.rules.outgoing;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;

/**
 * R-OUT-3. "Reporting an outgoing call from the background is ONLY supported by CallKit as a compatibility solution
 * for PushToTalk apps": with no call active, a background start is refused (unentitled).
 */
public final class NoBackgroundStart extends BaseRule {

    public NoBackgroundStart() {
        super("R-OUT-3", Severity.WARNING,
                "Do not request a CXStartCallAction from the background while no call is active",
                "[A-DTS] forum 793663");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> starts = trace.where(CallFacts::isStartRequest);
        if (starts.isEmpty()) {
            return notJudged("no start transaction on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event start : starts) {
            Optional<Event> completion = trace.firstAfter(start, Trace.is(REQUEST_TRANSACTION_COMPLETION).mayConcern(start.call()));
            if (completion.isPresent() && "unentitled".equals(completion.get().attributes().get("error"))) {
                findings.add(Finding.warning("start transaction refused as unentitled: started from the background with "
                        + "no call active", start, completion.get()));
            }
        }
        return verdict(findings);
    }
}
