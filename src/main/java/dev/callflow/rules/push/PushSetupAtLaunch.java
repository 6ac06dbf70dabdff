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
import java.util.List;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.APP_LAUNCHED;
import static dev.callflow.timeline.EventKind.PROVIDER_CREATED;
import static dev.callflow.timeline.EventKind.PUSH_NOT_DELIVERED;
import static dev.callflow.timeline.EventKind.PUSH_REGISTRY_DELEGATE_SET;

/**
 * R-PUSH-6. DTS: "failing to configure your PKPushRegistry delegate at launch or blocking too long in your
 * PKPushRegistry delegate can cause the second crash." On a push-wake launch the delegate and the CXProvider exist
 * before PushKit hands over the push.
 */
public final class PushSetupAtLaunch extends BaseRule {

    public PushSetupAtLaunch() {
        super("R-PUSH-6", Severity.VIOLATION,
                "Set the PKPushRegistry delegate and create the CXProvider in application(_:didFinishLaunchingWithOptions:), "
                        + "before a push-wake delivers pushRegistry(_:didReceiveIncomingPushWith:for:completion:)",
                "[A-DTS] forum thread 817976");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> launches = trace.where(Trace.is(APP_LAUNCHED).and(e -> e.source() == Source.SYSTEM && e.attribute("reason").filter("voipPush"::equals).isPresent()));
        List<Event> noDelegate = trace.where(Trace.is(PUSH_NOT_DELIVERED).and(e -> e.attribute("why").filter(w -> w.contains("delegate")).isPresent()));
        if (launches.isEmpty() && noDelegate.isEmpty()) {
            return notJudged("no push-wake launch (appLaunched reason=voipPush)");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event miss : noDelegate) {
            findings.add(Finding.of("PushKit could not deliver the push: no PKPushRegistry delegate was set at launch", miss));
        }
        for (Event launch : launches) {
            Optional<Event> nextLaunch = trace.firstAfter(launch, Trace.is(APP_LAUNCHED).and(e -> e.source() == Source.SYSTEM));
            Optional<Event> push = trace.firstAfter(launch, Trace.is(PushEvents.PUSH).and(e -> e.source() == Source.SYSTEM))
                    .filter(p -> nextLaunch.isEmpty() || p.seq() < nextLaunch.get().seq());
            if (push.isEmpty()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (trace.between(launch, push.get(), Trace.is(PUSH_REGISTRY_DELEGATE_SET)).isEmpty()) {
                missing.add("the PKPushRegistry delegate (pushRegistryDelegateSet)");
            }
            if (trace.between(launch, push.get(), Trace.is(PROVIDER_CREATED)).isEmpty()) {
                missing.add("the CXProvider (providerCreated)");
            }
            if (!missing.isEmpty()) {
                findings.add(Finding.of("on the push-wake launch the push arrived before " + String.join(" and ", missing)
                        + " was set up", launch, push.get()));
            }
        }
        return verdict(findings);
    }
}
