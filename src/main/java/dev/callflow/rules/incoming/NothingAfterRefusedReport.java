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

import static dev.callflow.timeline.EventKind.ACCEPT;
import static dev.callflow.timeline.EventKind.CONFIG_AUDIO;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PREPARE_SDK;
import static dev.callflow.timeline.EventKind.START_AUDIO;

/**
 * R-INC-1. CXProvider.h: "If completion is invoked with a non-nil error, the incoming call has been disallowed by
 * the system and will not be displayed, so the provider should not proceed with the call." Speakerbox adds the call
 * to its model only if {@code error == nil}. A busy or decline over signalling is allowed.
 */
public final class NothingAfterRefusedReport extends BaseRule {
    private static final Trace.Named PROCEEDS = Trace.anyOf(PREPARE_SDK, CONFIG_AUDIO, START_AUDIO, ACCEPT, FULFILL)
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
        return (e.source() == Source.SDK && (e.is(PREPARE_SDK) || e.is(CONFIG_AUDIO) || e.is(START_AUDIO)))
                || e.is(Source.SIGNALLING, ACCEPT)
                || (e.is(Source.APP, FULFILL) && e.attribute("action").filter("answer"::equals).isPresent());
    }
}
