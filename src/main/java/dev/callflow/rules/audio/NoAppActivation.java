package dev.callflow.rules.audio;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;

import static dev.callflow.timeline.EventKind.AUDIO_SESSION_ACTIVATION_FAILED;
import static dev.callflow.timeline.EventKind.AUDIO_SESSION_SET_ACTIVE;
import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;

/**
 * R-AUD-1. CallKit activates the session; the app only sets category and mode. An app-made {@code setActive(true)}
 * is refused with '!pri' 561017449, or it blocks CallKit's own activation so didActivate never comes (one-way or no
 * audio). iOS 10-era samples "pre-heat" the session that way; DTS: "Your app should NEVER do this: setActive(YES)".
 */
public final class NoAppActivation extends BaseRule {
    static final String INSUFFICIENT_PRIORITY = "561017449";

    public NoAppActivation() {
        super("R-AUD-1", Severity.VIOLATION,
                "Never call AVAudioSession.setActive(true) yourself during CallKit use; only configure category/mode "
                        + "and let CallKit activate the session",
                "[A-sample] Speakerbox; [A-DTS] forum 783870, 758386; [M] amazon-chime-sdk-ios #71, Twilio "
                        + "TVIAudioController configureAudioSession; bugs #1, #17, #22, #24, #42, #43, #47");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        boolean callKitInUse = trace.events().stream().anyMatch(e -> e.name().startsWith("perform") && e.name().endsWith("CallAction")
                || e.is(REPORT_NEW_INCOMING_CALL) || e.is(REQUEST_TRANSACTION) || e.is(DID_ACTIVATE_AUDIO_SESSION));
        List<Event> selfActivations = trace.where(Trace.is(AUDIO_SESSION_SET_ACTIVE).and(e -> "true".equals(e.attributes().get("active"))));
        if (!callKitInUse && selfActivations.isEmpty()) {
            return notJudged("no CallKit call on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event e : selfActivations) {
            findings.add(Finding.of(INSUFFICIENT_PRIORITY.equals(e.attributes().get("error"))
                    ? "the app activated the audio session itself (setActive(true)) and was refused: '!pri' 561017449 "
                            + "(insufficient priority), CallKit owns the activation"
                    : "the app activated the audio session itself (setActive(true)); the legacy iOS 10 "
                            + "'pre-heat' pattern, refused or blocking CallKit's activation on iOS 13+", e));
        }
        for (Event e : trace.named(AUDIO_SESSION_ACTIVATION_FAILED)) {
            findings.add(Finding.of("CallKit could not activate the audio session because the app had activated it itself", e));
        }
        for (Event e : trace.where(e -> INSUFFICIENT_PRIORITY.equals(e.attributes().get("error"))
                || INSUFFICIENT_PRIORITY.equals(e.attributes().get("code")))) {
            if (!e.is(AUDIO_SESSION_SET_ACTIVE)) {
                findings.add(Finding.of("'!pri' 561017449 (insufficient priority): an activation the system did not grant", e));
            }
        }
        return verdict(findings);
    }
}
