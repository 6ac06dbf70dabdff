package dev.callflow.rules.transactions;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;

import static dev.callflow.timeline.EventKind.TIMED_OUT_PERFORMING_ACTION;

/**
 * R-TX-2. provider(_:timedOutPerforming:): "Depending on the action, a timeout may also force the call to end. An
 * action that has already timed out should not be fulfilled or failed by the provider delegate."
 */
public final class NoActionTimeouts extends BaseRule {

    public NoActionTimeouts() {
        super("R-TX-2", Severity.VIOLATION,
                "Complete each CXAction before its timeoutDate, so provider(_:timedOutPerforming:) never fires, and never "
                        + "fulfill or fail an action that already timed out",
                "[A-hdr] CXAction.h; [A-doc] provider(_:timedOutPerforming:), CXAction.timeoutDate; [M] Signal-iOS PR #1734, "
                        + "voximplant/flutter_callkit #12; bugs #20, #41, #45");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> timeouts = trace.named(TIMED_OUT_PERFORMING_ACTION);
        List<Event> late = trace.where(e -> Actions.isCompletion(e)
                && e.attribute("afterTimeout").filter("true"::equals).isPresent());
        if (timeouts.isEmpty() && late.isEmpty() && trace.where(Actions::isPerform).isEmpty()) {
            return notJudged("no CXAction was performed");
        }
        if (timeouts.isEmpty() && late.isEmpty() && !Actions.recordsCompletions(trace)) {
            return notJudged("the log records no action completions or timeouts");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event t : timeouts) {
            findings.add(Finding.of("the " + t.attribute("action").orElse("") + " action timed out"
                    + t.attribute("after").map(a -> " after " + a).orElse("") + " without fulfill() or fail()", t));
        }
        for (Event e : late) {
            findings.add(Finding.of("the " + e.attribute("action").orElse("") + " action was completed (" + e.name()
                    + ") after it had timed out", e));
        }
        return verdict(findings);
    }
}
