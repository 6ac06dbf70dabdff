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

/**
 * R-AUD-7. A held call loses the session; media resumes only after a new didActivate. After the other call is
 * ended by its remote party the held call stays held with no didActivate, which Apple calls intentional: the app
 * neither starts audio for it nor unholds it by itself; the user resumes it. The other call is a cellular or other
 * app's call ({@code otherCallEnded by=remote}) or the app's own second call, whose remote end the app reports with
 * {@code reportCallEnded} (react-native-callkeep #489: Hold &amp; Accept, then B ends).
 */
public final class HeldMediaWaitsForActivation extends BaseRule {

    public HeldMediaWaitsForActivation() {
        super("R-AUD-7", Severity.VIOLATION,
                "After CXSetHeldCallAction(onHold: true), restart media only after a new provider(_:didActivate:); "
                        + "after the other call ends remotely, leave the held call held until the user resumes it",
                "[A-doc] CXSetHeldCallAction; forum 749202 (Apple: intentional), [U] forum 715488; bug #2");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> holds = trace.where(Trace.is("performSetHeldCallAction").and(e -> CallFacts.flag(e, "onHold")));
        if (holds.isEmpty()) {
            return notJudged("no call was put on hold");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event hold : holds) {
            Optional<Event> nextHold = trace.firstAfter(hold, Trace.is("performSetHeldCallAction").and(e -> CallFacts.flag(e, "onHold")
                    && Trace.sameCall(e, hold)));
            for (Event start : CallFacts.upTo(trace, hold, nextHold, CallFacts.STARTS_MEDIA.and(e -> Trace.sameCall(e, hold)))) {
                Optional<Event> session = trace.lastBefore(start, e -> (e.is("didActivateAudioSession") || e.is("didDeactivateAudioSession"))
                        && Trace.sameCall(e, start) && e.seq() > hold.seq());
                if (session.isEmpty() || !session.get().is("didActivateAudioSession")) {
                    findings.add(Finding.of("startAudio for a held call without a new didActivateAudioSession", hold, start));
                }
            }
        }
        // The other call ended by its remote party: a cellular or other app's call (otherCallEnded by=remote), or the
        // app's own second call, whose remote end the app reports with reportCallEnded (Hold & Accept, bug #2).
        for (Event ended : trace.where(e -> (e.is("otherCallEnded") && "remote".equals(e.attributes().get("by")))
                || (e.is(Source.APP, "reportCallEnded") && e.call() != null))) {
            for (Event hold : holds) {
                if (hold.seq() > ended.seq() || !stillHeld(trace, hold, ended)) {
                    continue;
                }
                if (ended.call() != null && Trace.sameCall(ended, hold)) {
                    continue; // the held call itself ended
                }
                Optional<Event> userResume = trace.firstAfter(ended, e -> e.source() == Source.USER && Trace.sameCall(e, hold)
                        && e.call() != null);
                Optional<Event> limit = userResume.isPresent() ? userResume : Optional.empty();
                for (Event e : CallFacts.upTo(trace, ended, limit, x -> Trace.sameCall(x, hold))) {
                    if (CallFacts.startsMedia(e)) {
                        findings.add(Finding.of("startAudio for the held call after the other call ended remotely; it stays held "
                                + "until the user resumes it", ended, e));
                    } else if ((e.is("requestTransaction") && CallFacts.hasAction(e, "setHeld"))
                            || (e.is("performSetHeldCallAction") && !CallFacts.flag(e, "onHold")
                                && "transaction".equals(e.attributes().get("origin")))) {
                        findings.add(Finding.of("the app unheld the call by itself after the other call ended remotely", ended, e));
                    }
                }
            }
        }
        return verdict(findings);
    }

    /** The hold was fulfilled and no unhold for that call came before {@code at}. */
    private static boolean stillHeld(Trace trace, Event hold, Event at) {
        Optional<Event> done = CallFacts.completionOf(trace, hold);
        if (done.isPresent() && done.get().is("fail")) {
            return false;
        }
        return trace.between(hold, at, Trace.is("performSetHeldCallAction").and(e -> !CallFacts.flag(e, "onHold")
                && Trace.sameCall(e, hold))).isEmpty();
    }
}
