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

/**
 * R-INC-1. CXProvider.h: "If completion is invoked with a non-nil error, the incoming call has been disallowed by
 * the system and will not be displayed, so the provider should not proceed with the call." Speakerbox adds the call
 * to its model only if {@code error == nil}. A busy or decline over signalling is allowed.
 */
public final class NothingAfterRefusedReport extends BaseRule {
    private static final Trace.Named PROCEEDS = Trace.anyOf("prepareSDK", "configAudio", "startAudio", "accept", "fulfill")
            .and(NothingAfterRefusedReport::proceeds);

    public NothingAfterRefusedReport() {
        super("R-INC-1", Severity.VIOLATION,
                "Do not proceed with a call whose reportNewIncomingCall completion returned an error: no prepareSDK, "
                        + "configAudio, startAudio, signalling accept or fulfilled CXAnswerCallAction",
                "[A-hdr] CXProvider.h; [A-doc] reportNewIncomingCall(with:update:completion:); [A-sample] Speakerbox "
                        + "reportIncomingCall; bugs #6, #24, #27");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<RefusalWindow> windows = RefusalWindow.all(trace);
        if (windows.isEmpty()) {
            return notJudged("no reportNewIncomingCall completion with an error");
        }
        List<Finding> findings = new ArrayList<>();
        for (RefusalWindow window : windows) {
            Event refusal = window.refusal();
            List<Event> proceeded = window.withinForCall(trace, PROCEEDS);
            if (!proceeded.isEmpty()) {
                List<Event> offending = new ArrayList<>();
                offending.add(refusal);
                offending.addAll(proceeded);
                findings.add(Finding.of("the system refused the call (" + refusal.attribute("error").orElse("?")
                        + ") but the app went on with it: "
                        + String.join(", ", proceeded.stream().map(Event::name).distinct().toList()), offending));
            }
        }
        return verdict(findings);
    }

    private static boolean proceeds(Event e) {
        return (e.source() == Source.SDK && (e.is("prepareSDK") || e.is("configAudio") || e.is("startAudio")))
                || e.is(Source.SIGNALLING, "accept")
                || (e.is(Source.APP, "fulfill") && e.attribute("action").filter("answer"::equals).isPresent());
    }
}
