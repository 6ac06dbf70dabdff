package dev.callflow.rules.ending;

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
        List<Event> resets = trace.named("providerDidReset");
        if (resets.isEmpty()) {
            return notJudged("no providerDidReset on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event reset : resets) {
            Optional<Event> prepare = trace.lastBefore(reset, Trace.is("prepareSDK"));
            boolean holding = prepare.isPresent() && trace.between(prepare.get(), reset, Trace.is("unprepareSDK")).isEmpty();
            boolean running = trace.lastBefore(reset, CallFacts::startsMedia)
                    .map(s -> trace.between(s, reset, CallFacts::stopsMedia).isEmpty()).orElse(false);
            if ((holding || running) && trace.firstAfter(reset, CallFacts::releasesMedia).isEmpty()) {
                findings.add(Finding.of("media still held after providerDidReset: no releaseAudio/unprepareSDK", reset));
            }
            List<Event> pendingBefore = trace.where(e -> e.seq() < reset.seq() && e.name().startsWith("perform")
                    && e.name().endsWith("CallAction") && e.attribute("action").isPresent());
            for (Event perform : pendingBefore) {
                Optional<Event> done = CallFacts.completionOf(trace, perform);
                if (done.isPresent() && done.get().seq() > reset.seq() && done.get().is("fulfill")) {
                    findings.add(Finding.of("an action from before providerDidReset fulfilled after it", perform, reset, done.get()));
                }
            }
        }
        return verdict(findings);
    }
}
