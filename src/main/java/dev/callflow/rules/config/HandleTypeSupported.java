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
import java.util.Optional;

import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PROVIDER_CREATED;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.START_CALL_WITH_COMPLETION;

/**
 * R-CFG-3. The handle type of CXCallUpdate.remoteHandle / CXStartCallAction.handle must be in the live provider's
 * supportedHandleTypes, or taps in Recents, Contacts and the CallKit UI's app button never reach the app (the seed
 * document's own "tapping Recents does nothing" with generic).
 */
public final class HandleTypeSupported extends BaseRule {

    public HandleTypeSupported() {
        super("R-CFG-3", Severity.VIOLATION,
                "Report only handle types (CXHandle.HandleType) that are in CXProviderConfiguration.supportedHandleTypes",
                "[M] twilio video-quickstart-ios #389, voice-quickstart-ios PR #478; [U] react-native-callkeep #349; "
                        + "seed document section 5.2; bugs #7, #8");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> reported = trace.where(e -> e.attribute("handleType").filter(t -> !t.isEmpty()).isPresent()
                && (e.is(REPORT_NEW_INCOMING_CALL) || e.is(REQUEST_TRANSACTION) || e.is(PERFORM_START_CALL_ACTION)
                || e.is(START_CALL_WITH_COMPLETION)));
        if (reported.isEmpty()) {
            return notJudged("no reported handle type on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        boolean judged = false;
        for (Event e : reported) {
            Optional<Event> provider = trace.lastBefore(e, Trace.is(PROVIDER_CREATED));
            if (provider.isEmpty()) {
                continue;
            }
            judged = true;
            String type = e.attributes().get("handleType");
            if (!ConfigRules.handleTypes(provider.get()).contains(type)) {
                findings.add(Finding.of("handle type " + type + " is not in supportedHandleTypes "
                        + ConfigRules.handleTypes(provider.get()), provider.get(), e));
            }
        }
        return judged ? verdict(findings) : notJudged("no provider configuration before the reported handle");
    }
}
