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
import java.util.Optional;

import static dev.callflow.timeline.EventKind.CONFIG_AUDIO;
import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.DID_DEACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.PERFORM_ANSWER_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;
import static dev.callflow.timeline.EventKind.START_AUDIO;

/**
 * R-AUD-2. Speakerbox's didActivate: "Start call audio media, now that the audio session has been activated after
 * having its priority boosted." configAudio is issued before startAudio; where exactly is a policy question
 * (CALLKIT-RULES.md section 5): in perform*Action by the seed's text, or in didActivate as the seed's own log shows.
 */
public final class MediaOnlyAfterActivation extends BaseRule {

    public MediaOnlyAfterActivation() {
        super("R-AUD-2", Severity.VIOLATION,
                "Start media I/O (startAudio) only after provider(_:didActivate:), with configAudio issued before it",
                "[A-sample] Speakerbox didActivate; [M] linphone-iphone #104/#212, Azure/Communication #152, "
                        + "amazon-chime-sdk-ios #71, twilio voice-quickstart-ios PR #295");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> starts = trace.named(START_AUDIO);
        List<Event> configs = trace.named(CONFIG_AUDIO);
        if (starts.isEmpty() && configs.isEmpty()) {
            return notJudged("no startAudio or configAudio on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event start : starts) {
            Optional<Event> activation = trace.lastBefore(start, Trace.isFor(DID_ACTIVATE_AUDIO_SESSION, start));
            if (activation.isEmpty()) {
                findings.add(Finding.of("startAudio before the system activated the audio session (no didActivateAudioSession before it)", start));
                continue;
            }
            Optional<Event> deactivated = trace.between(activation.get(), start, Trace.isFor(DID_DEACTIVATE_AUDIO_SESSION, start))
                    .stream().findFirst();
            if (deactivated.isPresent()) {
                findings.add(Finding.of("startAudio after didDeactivateAudioSession without a new didActivateAudioSession",
                        deactivated.get(), start));
                continue;
            }
            Optional<Event> config = trace.lastBefore(start, Trace.isFor(CONFIG_AUDIO, start));
            if (config.isEmpty()) {
                findings.add(Finding.of("startAudio without configAudio issued before it", start));
            }
        }
        if (policy.configAudio() == Policy.ConfigAudioPlacement.PERFORM_ACTION) {
            for (Event config : configs) {
                Optional<Event> perform = trace.lastBefore(config,
                        e -> (e.is(PERFORM_ANSWER_CALL_ACTION) || e.is(PERFORM_START_CALL_ACTION)) && Trace.sameCall(e, config));
                Optional<Event> activation = trace.lastBefore(config, Trace.isFor(DID_ACTIVATE_AUDIO_SESSION, config));
                if (perform.isEmpty() || activation.filter(a -> a.seq() > perform.get().seq()).isPresent()) {
                    findings.add(Finding.warning("configAudio outside perform Answer/StartCallAction (policy "
                            + policy.wireName() + " places it there)", config));
                }
            }
        }
        return verdict(findings);
    }
}
