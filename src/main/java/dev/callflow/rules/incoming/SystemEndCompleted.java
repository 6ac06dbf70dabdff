package dev.callflow.rules.incoming;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.rules.transactions.Actions;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.List;

import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;

/**
 * R-INC-6. A CXEndCallAction can come without any request from the app: the side (lock) button, a headset, the
 * system call UI, the ring timeout. The app completes it like a local end and must not then race it with an end
 * transaction of its own (twilio/voice-callkit-quickstart-swift #6; voice-quickstart-ios #155 "error 4 on end").
 */
public final class SystemEndCompleted extends BaseRule {

    public SystemEndCompleted() {
        super("R-INC-6", Severity.VIOLATION,
                "Complete a system-initiated provider(_:perform: CXEndCallAction) (side button, headset, system UI) like "
                        + "a local end, without requesting another CXEndCallAction for that call",
                "[U] Signal-iOS #4167; [M] twilio/voice-callkit-quickstart-swift #6; bug #11");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> systemEnds = trace.where(Trace.is(PERFORM_END_CALL_ACTION).and(e -> e.source() == Source.SYSTEM && e.attribute("origin").filter(o -> !o.equals("transaction")).isPresent()));
        if (systemEnds.isEmpty()) {
            return notJudged("no system-initiated performEndCallAction (origin other than transaction)");
        }
        Actions.Outcomes outcomes = new Actions.Outcomes(trace);
        List<Finding> findings = new ArrayList<>();
        for (Event end : systemEnds) {
            String origin = end.attribute("origin").orElse("?");
            if (outcomes.completionsOf(end).isEmpty() && outcomes.excuse(end).isEmpty()) {
                findings.add(Finding.of("the system's CXEndCallAction (origin " + origin + ") was never fulfilled or failed", end));
            }
            List<Event> ownEnds = end.call() == null ? List.of() : trace.through(end, null, Trace.is(REQUEST_TRANSACTION,
                    end.call()).and(e -> e.source() == Source.APP && e.attribute("actions").filter(a -> a.contains("end")).isPresent()));
            for (Event own : ownEnds) {
                findings.add(Finding.of("after the system ended the call (origin " + origin + ") the app requested its own "
                        + "end transaction for it", end, own));
            }
        }
        return verdict(findings);
    }
}
