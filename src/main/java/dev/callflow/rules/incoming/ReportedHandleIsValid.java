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

import static dev.callflow.timeline.EventKind.APP_TERMINATED;

/**
 * R-INC-4. {@code CXHandle(type:value:)} needs a non-nil value and the call a valid UUID; otherwise
 * {@code NSInvalidArgumentException} is thrown inside the push handler, which then breaks R-PUSH-1 too
 * (flutter-webrtc/callkeep #28).
 */
public final class ReportedHandleIsValid extends BaseRule {

    public ReportedHandleIsValid() {
        super("R-INC-4", Severity.VIOLATION,
                "Report incoming calls with a valid UUID and a CXHandle(type:value:) whose value is not empty",
                "[L] flutter-webrtc/callkeep #28; [U] react-native-voip-push-notification #66; bug #48");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> reports = trace.where(Trace.is(IncomingEvents.REPORT).and(e -> e.source() == Source.APP));
        List<Event> invalidArgument = trace.where(Trace.is(APP_TERMINATED).and(e -> e.attribute("exception").filter(x -> x.contains("NSInvalidArgumentException")).isPresent()));
        if (reports.isEmpty() && invalidArgument.isEmpty()) {
            return notJudged("no reportNewIncomingCall on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        boolean handlesRecorded = reports.stream().anyMatch(r -> r.attributes().containsKey("handle")
                || r.attributes().containsKey("handleType"));
        for (Event r : reports) {
            // A device log that never records handles cannot show a missing one; the simulator records every handle.
            boolean recorded = handlesRecorded || r.source() == Source.APP && r.attributes().containsKey("handleType");
            if (recorded && r.attribute("handle").filter(h -> !h.isBlank()).isEmpty()) {
                findings.add(Finding.of("reportNewIncomingCall without a handle value (CXHandle value nil or empty)", r));
            }
        }
        if (findings.isEmpty() && invalidArgument.isEmpty() && !handlesRecorded) {
            return notJudged("the log records no handle values with its reports");
        }
        for (Event crash : invalidArgument) {
            findings.add(Finding.of("the app crashed with NSInvalidArgumentException ("
                    + crash.attribute("detail").orElse("invalid CXHandle or UUID") + ")", crash));
        }
        return verdict(findings);
    }
}
