package dev.callflow.rules.multicall;

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

import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.OTHER_CALL_ENDED;
import static dev.callflow.timeline.EventKind.OTHER_CALL_INCOMING;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_SET_HELD_CALL_ACTION;
import static dev.callflow.timeline.EventKind.USER_CHOSE_END_AND_ACCEPT;
import static dev.callflow.timeline.EventKind.USER_CHOSE_HOLD_AND_ACCEPT;

/**
 * R-MULTI-3. A cellular or other-app call interrupts: Hold &amp; Accept holds the VoIP call
 * (CXSetHeldCallAction onHold=true, fulfilled, media stopped); End &amp; Accept ends it. When the user ends the other
 * call locally the system resumes the VoIP call, and media restarts only after its didActivate.
 */
public final class InterruptionHoldsAndResumes extends BaseRule {

    public InterruptionHoldsAndResumes() {
        super("R-MULTI-3", Severity.VIOLATION,
                "On Hold & Accept of another call fulfil CXSetHeldCallAction(onHold: true) and stop media; after the other "
                        + "call ends locally restart media only in provider(_:didActivate:)",
                "[U] forum 715488 (scenarios 1, 2, 4); forum 749202; bug #2");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> incoming = trace.named(OTHER_CALL_INCOMING);
        if (incoming.isEmpty()) {
            return notJudged("no other call interrupted");
        }
        Trace.Named holds = Trace.is(PERFORM_SET_HELD_CALL_ACTION)
                .and(e -> CallFacts.flag(e, "onHold"));
        List<Finding> findings = new ArrayList<>();
        for (Event choice : trace.named(USER_CHOSE_HOLD_AND_ACCEPT)) {
            Optional<Event> hold = trace.firstAfter(choice, holds.mayConcern(choice.call()));
            if (hold.isEmpty()) {
                findings.add(Finding.of("Hold & Accept without a CXSetHeldCallAction(onHold: true) for the VoIP call", choice));
                continue;
            }
            Optional<Event> done = CallFacts.completionOf(trace, hold.get());
            if (done.isEmpty() || !done.get().is(FULFILL)) {
                findings.add(Finding.of("the hold for Hold & Accept was not fulfilled", done.map(d -> List.of(hold.get(), d))
                        .orElse(List.of(hold.get()))));
            }
            boolean running = trace.lastBefore(hold.get(), CallFacts.STARTS_MEDIA.mayConcern(choice.call()))
                    .map(s -> trace.firstBetween(s, hold.get(), CallFacts.STOPS_MEDIA.mayConcern(choice.call())).isEmpty())
                    .orElse(false);
            Optional<Event> restart = trace.firstAfter(hold.get(), CallFacts.STARTS_MEDIA.mayConcern(choice.call()));
            Optional<Event> stop = trace.firstAfter(hold.get(), CallFacts.STOPS_MEDIA.mayConcern(choice.call()));
            if (running && (stop.isEmpty() || restart.filter(r -> r.seq() < stop.get().seq()).isPresent())) {
                findings.add(Finding.of("the held VoIP call's media was not stopped", hold.get()));
            }
        }
        Trace.Named endActions = Trace.is(PERFORM_END_CALL_ACTION);
        for (Event choice : trace.named(USER_CHOSE_END_AND_ACCEPT)) {
            if (trace.firstAfter(choice, endActions.mayConcern(choice.call())).isEmpty()) {
                findings.add(Finding.of("End & Accept without a CXEndCallAction for the VoIP call", choice));
            }
        }
        Trace.Named activations = Trace.is(DID_ACTIVATE_AUDIO_SESSION);
        for (Event ended : trace.where(Trace.is(OTHER_CALL_ENDED).and(e -> "localUser".equals(e.attributes().get("by"))))) {
            Optional<Event> nextInterruption = trace.firstAfter(ended, Trace.is(OTHER_CALL_INCOMING));
            for (Event start : CallFacts.upTo(trace, ended, nextInterruption, CallFacts.STARTS_MEDIA)) {
                if (trace.firstBetween(ended, start, activations.mayConcern(start.call())).isEmpty()) {
                    findings.add(Finding.of("media restarted after the other call ended without a didActivateAudioSession",
                            ended, start));
                }
            }
        }
        return verdict(findings);
    }
}
