package dev.callflow.rules.ending;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.rules.transactions.Actions;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.FAIL;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PREPARE_SDK;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_RESET;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-END-4. providerDidReset(_:) is "a request to end all calls without the need to respond to any actions": the
 * app cleans up every call (media released) and completes none of the actions delivered before the reset.
 */
public final class ResetTearsDown extends BaseRule {

    public ResetTearsDown() {
        super("R-END-4", Severity.VIOLATION,
                "On providerDidReset(_:) tear down every call and release its media, and fulfil no action from before the reset",
                "[A-hdr] CXProvider.h providerDidReset, invalidate()");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> resets = trace.named(PROVIDER_DID_RESET);
        if (resets.isEmpty()) {
            return notJudged("no providerDidReset on the timeline");
        }
        Map<Long, List<Finding>> fulfilledAcross = fulfilledAcrossResets(trace);
        List<Finding> findings = new ArrayList<>();
        for (Event reset : resets) {
            Optional<Event> prepare = trace.lastBefore(reset, Trace.is(PREPARE_SDK));
            boolean holding = prepare.isPresent() && trace.firstBetween(prepare.get(), reset, Trace.is(UNPREPARE_SDK)).isEmpty();
            boolean running = trace.lastBefore(reset, CallFacts.STARTS_MEDIA)
                    .map(s -> trace.firstBetween(s, reset, CallFacts.STOPS_MEDIA).isEmpty()).orElse(false);
            if ((holding || running) && trace.firstAfter(reset, CallFacts.RELEASES_MEDIA).isEmpty()) {
                findings.add(Finding.of("media still held after providerDidReset: no releaseAudio/unprepareSDK", reset));
            }
            findings.addAll(fulfilledAcross.getOrDefault(reset.seq(), List.of()));
        }
        return verdict(findings);
    }

    /**
     * By reset seq, in the order delivered: the actions delivered before the reset whose completion (as
     * {@link CallFacts#completionOf} finds it) is a fulfil after it. Each perform's completion is looked up once and
     * only the resets between the two are visited, not every earlier perform per reset.
     */
    private static Map<Long, List<Finding>> fulfilledAcrossResets(Trace trace) {
        Actions.Index completions = new Actions.Index(trace.where(Trace.anyOf(FULFILL, FAIL)), "actionId");
        Map<Long, List<Finding>> byReset = new HashMap<>();
        for (Event perform : trace.where(e -> e.name().startsWith("perform") && e.name().endsWith("CallAction")
                && e.attribute("action").isPresent())) {
            Optional<Event> done = completions.firstAfter(perform, List.of(perform.attribute("action").get()));
            if (done.isEmpty() || !done.get().is(FULFILL)) {
                continue;
            }
            for (Event reset : trace.between(perform, done.get(), Trace.is(PROVIDER_DID_RESET))) {
                byReset.computeIfAbsent(reset.seq(), k -> new ArrayList<>())
                        .add(Finding.of("an action from before providerDidReset fulfilled after it", perform, reset, done.get()));
            }
        }
        return byReset;
    }
}
