package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.PUSH_COMPLETION;

/**
 * R-PUSH-3. DTS says the PushKit completion plays no part in enforcement, but vendors saw the report get stuck when
 * it ran too early; the safe order is report, report completion, push completion. CALLKIT-RULES.md section 7: a
 * push completion before the report's completion only warns. Handing one push's completion to another call (a
 * shared completion slot, GetStream PR #1219) is a breach, so the rule's severity is violation and the ordering
 * findings are warnings.
 */
public final class PushCompletionAfterReport extends BaseRule {

    public PushCompletionAfterReport() {
        super("R-PUSH-3", Severity.VIOLATION,
                "Call each PushKit completion once, for its own push's call, after that call's reportNewIncomingCall "
                        + "completion has run (warns when early; fails when consumed for another call, twice, or never)",
                "[A-doc] pushRegistry(_:didReceiveIncomingPushWith:for:completion:); [A-DTS] 817976; "
                        + "[M] twilio/voice-quickstart-objc PR #142/#137, voice-quickstart-ios PR #195, "
                        + "react-native-voip-push-notification PR #52, GetStream/stream-video-swift PR #1219; bugs #13, #46");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> completions = trace.where(Trace.is(PUSH_COMPLETION).and(e -> e.source() == Source.APP));
        if (completions.isEmpty()) {
            return notJudged("no PushKit completion (pushCompletion) on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        Map<Long, Event> consumed = new HashMap<>();
        Map<String, List<Event>> pushesByApnsId = new HashMap<>();
        PushEvents.pushes(trace).forEach(p -> p.attribute("apnsId")
                .ifPresent(id -> pushesByApnsId.computeIfAbsent(id, k -> new ArrayList<>()).add(p)));
        for (Event done : completions) {
            Optional<Event> push = pushOf(trace, done, consumed, pushesByApnsId);
            if (push.isEmpty()) {
                findings.add(Finding.warning("PushKit completion without a VoIP push before it", done));
                continue;
            }
            Event p = push.get();
            if (p.call() != null && done.call() != null && !p.call().equals(done.call())) {
                findings.add(Finding.of("the completion of the push for one call was consumed for another call", p, done));
                continue;
            }
            Event earlier = consumed.putIfAbsent(p.seq(), done);
            if (earlier != null) {
                findings.add(Finding.of("one push's completion ran twice (a completion slot shared between pushes)",
                        p, earlier, done));
                continue;
            }
            Optional<Event> report = PushEvents.reportFor(trace, p);
            if (report.isEmpty()) {
                continue; // R-PUSH-1 judges a push that was never reported
            }
            Optional<Event> reported = PushEvents.completionOf(trace, report.get());
            if (reported.isEmpty() || reported.get().seq() > done.seq()) {
                findings.add(Finding.warning("PushKit completion ran before the reportNewIncomingCall completion for its "
                        + "call; the report can get stuck in the background", report.get(), done));
            }
        }
        for (Event push : PushEvents.pushes(trace)) {
            if (!consumed.containsKey(push.seq()) && PushEvents.anyReportFor(trace, push).isPresent()
                    && trace.firstAfter(push, Trace.is(APP_TERMINATED)).isEmpty()) {
                findings.add(Finding.of("the completion of this push was never called while the app ran on (lost: a "
                        + "completion slot shared by several pushes in flight?)", push));
            }
        }
        return verdict(findings);
    }


    /**
     * The push by APNs id when both carry one: APNs may deliver one notification twice under the same id, and each
     * delivery has its own completion, so the earliest delivery whose completion is still unused. Otherwise the last
     * push before the completion for the same call. {@code pushesByApnsId}: each APNs id's pushes, in order.
     */
    private static Optional<Event> pushOf(Trace trace, Event done, Map<Long, Event> consumed,
            Map<String, List<Event>> pushesByApnsId) {
        Optional<String> apnsId = done.attribute("apnsId");
        if (apnsId.isPresent()) {
            List<Event> deliveries = pushesByApnsId.getOrDefault(apnsId.get(), List.of()).stream()
                    .takeWhile(e -> e.seq() < done.seq()).toList();
            if (!deliveries.isEmpty()) {
                return deliveries.stream().filter(d -> !consumed.containsKey(d.seq())).findFirst()
                        .or(() -> Optional.of(deliveries.get(deliveries.size() - 1)));
            }
        }
        return trace.lastBefore(done, Trace.is(PushEvents.PUSH).mayConcern(done.call()).and(e -> e.source() == Source.SYSTEM));
    }
}
