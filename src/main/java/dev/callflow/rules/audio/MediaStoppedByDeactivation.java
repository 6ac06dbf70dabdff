package dev.callflow.rules.audio;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
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

import static dev.callflow.timeline.EventKind.DID_DEACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH;
import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH_WITH_PAYLOAD;
import static dev.callflow.timeline.EventKind.DID_UPDATE_PUSH_CREDENTIALS;
import static dev.callflow.timeline.EventKind.LOG;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;

/**
 * R-AUD-3. Media I/O must be stopped by the time the session is deactivated: either before didDeactivate or in its
 * handler (the app's and SDK's events right after it). That part holds under every policy. Where a local end stops
 * it is a policy question (CALLKIT-RULES.md sections 5 and 7): Speakerbox stops in performEndCallAction, the seed's
 * text in didDeactivateAudioSession, the default accepts anything in between. Releasing before performEndCallAction
 * is R-END-2's finding, not repeated here.
 */
public final class MediaStoppedByDeactivation extends BaseRule {

    public MediaStoppedByDeactivation() {
        super("R-AUD-3", Severity.VIOLATION,
                "Stop media I/O (stopAudio/releaseAudio) between performEndCallAction and didDeactivateAudioSession, "
                        + "so that nothing runs after provider(_:didDeactivate:)",
                "[A-sample] Speakerbox performEnd/SetHeld; [M] twilio voice-quickstart-ios #39 + PR #42, Twilio "
                        + "TVIAudioController; wire-ios-sync-engine PR #270; seed document (stopAudio in didDeactivate)");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> deactivations = trace.named(DID_DEACTIVATE_AUDIO_SESSION);
        List<Event> ends = trace.named(PERFORM_END_CALL_ACTION).stream().filter(e -> runningAt(trace, e)).toList();
        if (deactivations.isEmpty() && ends.isEmpty()) {
            return notJudged("no didDeactivateAudioSession and no performEndCallAction while media ran");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event d : deactivations) {
            Optional<Event> start = trace.lastBefore(d, CallFacts.STARTS_MEDIA.mayConcern(d.call()));
            if (start.isEmpty() || !trace.between(start.get(), d, CallFacts.STOPS_MEDIA.mayConcern(d.call())).isEmpty()) {
                continue;
            }
            if (stopInHandler(trace, d).isEmpty()) {
                findings.add(Finding.of("media still running after didDeactivateAudioSession: startAudio with no "
                        + "stopAudio, releaseAudio or unprepareSDK by the deactivation", start.get(), d));
            }
        }
        for (Event end : ends) {
            Optional<Event> deactivation = trace.firstAfter(end, Trace.is(DID_DEACTIVATE_AUDIO_SESSION).mayConcern(end.call()));
            Optional<Event> stop = trace.firstAfter(end, CallFacts.STOPS_MEDIA.mayConcern(end.call()));
            if (stop.isEmpty()) {
                continue; // never stopped: the deactivation check above, or the rule has nothing to place
            }
            switch (policy.stopAudio()) {
                case DID_DEACTIVATE -> {
                    if (deactivation.isEmpty() || stop.get().seq() < deactivation.get().seq()) {
                        findings.add(Finding.warning("media stopped before didDeactivateAudioSession; policy "
                                + policy.wireName() + " places stopAudio in didDeactivateAudioSession", end, stop.get()));
                    }
                }
                case PERFORM_END -> {
                    Optional<Event> handled = CallFacts.handlingEnd(trace, end);
                    if (handled.isPresent() && stop.get().seq() > handled.get().seq()) {
                        findings.add(Finding.warning("media stopped after performEndCallAction was handled; policy "
                                + policy.wireName() + " stops call audio in performEndCallAction", end, stop.get()));
                    }
                }
                case PERFORM_END_TO_DID_DEACTIVATE -> { }
            }
        }
        return verdict(findings);
    }

    /**
     * A stop of the deactivated call among the events that follow the deactivation within its handler: up to the next
     * delegate callback or other turn of the app's main queue (in a device log, the app's own lines of the next
     * callback). What the system, the servers or other processes record meanwhile (the incoming UI of another call, a
     * request the app sent, a Console capture's chatter) does not end the handler: the app's main thread is still in it.
     */
    static Optional<Event> stopInHandler(Trace trace, Event deactivation) {
        for (Event e : trace.after(deactivation)) {
            if (CallFacts.startsQueueTurn(e.name())) {
                return Optional.empty();
            }
            // what check-log keeps for a device-log line it does not recognise is no stop
            if (e.is(LOG) || e.source() != Source.APP && e.source() != Source.SDK) {
                continue;
            }
            if (CallFacts.stopsMedia(e) && Trace.sameCall(e, deactivation)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether a successful startAudio for the call ran, not stopped, when {@code at} happened. */
    static boolean runningAt(Trace trace, Event at) {
        Optional<Event> start = trace.lastBefore(at, CallFacts.STARTS_MEDIA.mayConcern(at.call()));
        return start.isPresent() && trace.between(start.get(), at, CallFacts.STOPS_MEDIA.mayConcern(at.call())).isEmpty();
    }
}
