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
import java.util.Optional;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PREPARE_SDK;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.RING_TIMEOUT;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-INC-5. Since iOS 16 the system ends an unanswered incoming call after about 60 s and sends the app a
 * CXEndCallAction (undocumented; voximplant/flutter_callkit #29). The app completes that action and releases the
 * call's SDK, exactly as for a decline. An app that reports {@code .unanswered} itself first is fine.
 */
public final class RingTimeoutHandled extends BaseRule {

    public RingTimeoutHandled() {
        super("R-INC-5", Severity.VIOLATION,
                "When the system ends an unanswered call (ring timeout), complete its CXEndCallAction and release the "
                        + "call's media SDK, or report reportCall(with:endedAt:reason:.unanswered) first",
                "[M] voximplant/flutter_callkit #29; [A-doc] CXCallEndedReason.unanswered; bug #45");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> timeouts = trace.where(Trace.is(RING_TIMEOUT).and(e -> e.source() == Source.SYSTEM));
        if (timeouts.isEmpty()) {
            boolean selfReported = trace.where(Trace.is(REPORT_CALL_ENDED).and(e -> e.source() == Source.APP && e.attribute("reason").filter("unanswered"::equals).isPresent())).stream()
                    .anyMatch(e -> trace.lastBefore(e, Trace.is(IncomingEvents.REPORT).mayConcern(e.call()).and(x -> x.source() == Source.APP)).isPresent());
            return selfReported ? holds() : notJudged("no incoming call rang out (no ringTimeout, no reportCallEnded reason=unanswered)");
        }
        List<Finding> findings = new ArrayList<>();
        Actions.Outcomes outcomes = new Actions.Outcomes(trace);
        for (Event timeout : timeouts) {
            Optional<Event> perform = trace.firstAfter(timeout, Trace.is(PERFORM_END_CALL_ACTION).mayConcern(timeout.call()).and(e -> e.source() == Source.SYSTEM && e.attribute("origin").map("ringTimeout"::equals).orElse(true)));
            if (perform.isEmpty()) {
                continue; // the system never asked; nothing for the app to complete
            }
            if (outcomes.completionsOf(perform.get()).isEmpty() && outcomes.excuse(perform.get()).isEmpty()) {
                findings.add(Finding.of("the ring timeout's CXEndCallAction was never fulfilled or failed", timeout, perform.get()));
            }
            Optional<Event> prepared = trace.lastBefore(timeout, Trace.is(PREPARE_SDK).mayConcern(timeout.call()).and(e -> e.source() == Source.SDK));
            if (prepared.isPresent()) {
                Trace.Named released = releasedFor(timeout.call());
                boolean releasedBefore = !trace.between(prepared.get(), timeout, released).isEmpty();
                boolean releasedAfter = trace.firstAfter(timeout, released).isPresent();
                if (!releasedBefore && !releasedAfter) {
                    findings.add(Finding.of("the call rang out but its media SDK was never released (no unprepareSDK or "
                            + "releaseAudio); the next call inherits it", prepared.get(), timeout, perform.get()));
                }
            }
        }
        return verdict(findings);
    }

    /**
     * The SDK's release of the ringing call's media. A release without a call ID counts only for a ring timeout
     * without one, which any release may concern.
     */
    private static Trace.Named releasedFor(UUID call) {
        Trace.Named releases = Trace.anyOf(UNPREPARE_SDK, RELEASE_AUDIO).and(e -> e.source() == Source.SDK);
        return call == null ? releases : releases.forCall(call);
    }
}
