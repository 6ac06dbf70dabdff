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
import java.util.Set;

import static dev.callflow.timeline.EventKind.BUSY;
import static dev.callflow.timeline.EventKind.DECLINE;
import static dev.callflow.timeline.EventKind.INCOMING_CALL_REJECTED;

/**
 * R-INC-3. {@code filteredByDoNotDisturb} (3) and {@code filteredByBlockList} (4) mean the call will not ring; the
 * app treats it as missed and tells the caller's side, instead of swallowing the error (flutter_callkit_incoming
 * PR #803).
 */
public final class FilteredCallerIsTold extends BaseRule {
    private static final Set<String> FILTERS = Set.of("filteredByDoNotDisturb", "filteredByBlockList");

    public FilteredCallerIsTold() {
        super("R-INC-3", Severity.WARNING,
                "When reportNewIncomingCall fails with filteredByDoNotDisturb or filteredByBlockList, treat the call as "
                        + "missed and tell the caller's side (signalling busy or decline)",
                "[A-doc] CXErrorCodeIncomingCallError.filteredByDoNotDisturb; [M] flutter_callkit_incoming PR #803; "
                        + "[U] openradar-mirror #17475; bug #27");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> filtered = trace.where(Trace.is(IncomingEvents.REPORT_DONE).and(e -> e.source() == Source.SYSTEM && e.attribute("error").filter(FILTERS::contains).isPresent()));
        if (filtered.isEmpty()) {
            return notJudged("no report filtered by Do Not Disturb or the block list");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event f : filtered) {
            boolean told = trace.firstAfter(f, e -> Trace.sameCall(e, f)
                    && ((e.source() == Source.SIGNALLING && (e.is(BUSY) || e.is(DECLINE)))
                    || e.is(Source.APP, INCOMING_CALL_REJECTED))).isPresent();
            if (!told) {
                findings.add(Finding.warning("the system filtered the call (" + f.attribute("error").orElse("?")
                        + ") and the app swallowed it: no busy or decline to the server, no incomingCallRejected", f));
            }
        }
        return verdict(findings);
    }
}
