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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;

/** R-OUT-2. One CXStartCallAction per call: a call registered twice leaves a phantom call that fails to hang up. */
public final class OneStartPerCall extends BaseRule {

    public OneStartPerCall() {
        super("R-OUT-2", Severity.VIOLATION,
                "Request exactly one CXStartCallAction per call UUID",
                "[U/M] linphone-iphone #187 (+#182/#183); bug #33");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> requests = trace.where(e -> CallFacts.isStartRequest(e) && e.call() != null);
        List<Event> performs = trace.where(Trace.is(PERFORM_START_CALL_ACTION).and(e -> e.call() != null));
        if (requests.isEmpty() && performs.isEmpty()) {
            return notJudged("no start transaction for a known call UUID");
        }
        List<Finding> findings = new ArrayList<>();
        duplicates(requests, "start transactions", findings);
        duplicates(performs, "performStartCallAction deliveries", findings);
        return verdict(findings);
    }

    private static void duplicates(List<Event> events, String what, List<Finding> findings) {
        Map<UUID, List<Event>> byCall = new LinkedHashMap<>();
        events.forEach(e -> byCall.computeIfAbsent(e.call(), k -> new ArrayList<>()).add(e));
        byCall.values().stream().filter(l -> l.size() > 1)
                .forEach(l -> findings.add(Finding.of(l.size() + " " + what + " for one call", l)));
    }
}
