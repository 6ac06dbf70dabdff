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

import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.TIMED_OUT_PERFORMING_ACTION;

/**
 * R-TX-6. Never leave a CXEndCallAction pending, even for a UUID the app does not know: the app may have been
 * relaunched just to receive it. Speakerbox calls {@code action.fail()} when the call is not found.
 */
public final class NoPendingEndAction extends BaseRule {

    public NoPendingEndAction() {
        super("R-TX-6", Severity.VIOLATION,
                "Fulfill or fail every provider(_:perform: CXEndCallAction), even for a call UUID the app does not know",
                "[M] flutter_callkit_incoming PR #850; [A-sample] Speakerbox performEndCallAction; bug #24");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> ends = trace.where(Trace.is(PERFORM_END_CALL_ACTION).and(e -> e.source() == Source.SYSTEM));
        if (ends.isEmpty()) {
            return notJudged("no performEndCallAction on the timeline");
        }
        if (!Actions.recordsCompletions(trace) && trace.named(TIMED_OUT_PERFORMING_ACTION).isEmpty()) {
            return notJudged("the log records no action completions (fulfill/fail), so a pending end cannot be told apart");
        }
        Actions.Outcomes outcomes = new Actions.Outcomes(trace);
        List<Finding> findings = new ArrayList<>();
        for (Event end : ends) {
            if (!outcomes.completionsOf(end).isEmpty() || outcomes.excuse(end).isPresent()) {
                continue;
            }
            List<Event> offending = new ArrayList<>(List.of(end));
            outcomes.timeoutOf(end).ifPresent(offending::add);
            findings.add(Finding.of("the CXEndCallAction" + Actions.id(end).map(id -> " " + id).orElse("")
                    + " was left pending" + (offending.size() > 1 ? " until it timed out" : " when the timeline ended"),
                    offending));
        }
        return verdict(findings);
    }
}
