package dev.callflow.rules.config;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;

import static dev.callflow.timeline.EventKind.PROVIDER_CREATED;

/**
 * R-CFG-1. "A VoIP app should create only one instance of CXProvider and store it for use globally." A second live
 * provider (one per push, or to change the configuration) breaks later transactions with error 4.
 */
public final class OneProvider extends BaseRule {

    public OneProvider() {
        super("R-CFG-1", Severity.VIOLATION,
                "Create one CXProvider for the app's lifetime; invalidate() the old one before creating another",
                "[A-doc] CXProvider; [M] twilio voice-quickstart-ios #382, [U] #332; [M] jitsi-meet PR #4117; bugs #12, #40");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> created = trace.named(PROVIDER_CREATED);
        if (created.isEmpty()) {
            return notJudged("no providerCreated on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event e : created) {
            int live = ConfigRules.intAttr(e, "liveProviders", 1);
            if (live > 1) {
                findings.add(Finding.of(live + " live CXProvider instances: a new provider without invalidating the old one", e));
            }
        }
        return verdict(findings);
    }
}
