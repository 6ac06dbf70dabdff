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
 * R-CFG-2. CXProviderConfiguration lint: supportedHandleTypes must not be empty (Recents and Contacts taps never
 * arrive); maximumCallGroups and maximumCallsPerCallGroup are at least 1 (header defaults 2 and 5). The builder
 * refuses values below 1, but a parsed device log may carry them.
 */
public final class ConfigurationLint extends BaseRule {

    public ConfigurationLint() {
        super("R-CFG-2", Severity.WARNING,
                "Configure CXProviderConfiguration with non-empty supportedHandleTypes and maximumCallGroups / "
                        + "maximumCallsPerCallGroup of at least 1",
                "[A-hdr] CXProviderConfiguration.h, CXHandle.h; [A-doc] cxproviderconfiguration; bug #21");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> created = trace.named(PROVIDER_CREATED);
        if (created.isEmpty()) {
            return notJudged("no providerCreated on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event e : created) {
            if (ConfigRules.handleTypes(e).isEmpty()) {
                findings.add(Finding.warning("supportedHandleTypes is empty or missing", e));
            }
            for (String key : List.of("maximumCallGroups", "maximumCallsPerCallGroup")) {
                if (e.attribute(key).isPresent() && ConfigRules.intAttr(e, key, 1) < 1) {
                    findings.add(Finding.warning(key + "=" + e.attributes().get(key) + " is below 1", e));
                }
            }
        }
        return verdict(findings);
    }
}
