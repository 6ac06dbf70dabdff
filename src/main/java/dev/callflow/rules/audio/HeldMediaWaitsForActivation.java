package dev.callflow.rules.audio;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts.SameCallIndex;
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

import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.DID_DEACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.FAIL;
import static dev.callflow.timeline.EventKind.OTHER_CALL_ENDED;
import static dev.callflow.timeline.EventKind.PERFORM_SET_HELD_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.START_AUDIO;

/**
 * R-AUD-7. A held call loses the session; media resumes only after a new didActivate. After the other call is
 * ended by its remote party the held call stays held with no didActivate, which Apple calls intentional: the app
 * neither starts audio for it nor unholds it by itself; the user resumes it. The other call is a cellular or other
 * app's call ({@code otherCallEnded by=remote}) or the app's own second call, whose remote end the app reports with
 * {@code reportCallEnded} (react-native-callkeep #489: Hold &amp; Accept, then B ends).
 */
public final class HeldMediaWaitsForActivation extends BaseRule {

    private static final Trace.Named ON_HOLD = Trace.is(PERFORM_SET_HELD_CALL_ACTION).and(e -> CallFacts.flag(e, "onHold"));
    private static final Trace.Named ENDED_REMOTELY = Trace.anyOf(OTHER_CALL_ENDED, REPORT_CALL_ENDED)
            .and(e -> (e.is(OTHER_CALL_ENDED) && "remote".equals(e.attributes().get("by")))
                    || (e.is(Source.APP, REPORT_CALL_ENDED) && e.call() != null));
    /** What the app does for a held call that only the user may ask for: start its media, or unhold it. */
    private static final Trace.Named SELF_RESUME = Trace.anyOf(START_AUDIO, REQUEST_TRANSACTION, PERFORM_SET_HELD_CALL_ACTION)
            .and(e -> CallFacts.startsMedia(e) || unholdsByItself(e));

    public HeldMediaWaitsForActivation() {
        super("R-AUD-7", Severity.VIOLATION,
                "After CXSetHeldCallAction(onHold: true), restart media only after a new provider(_:didActivate:); "
                        + "after the other call ends remotely, leave the held call held until the user resumes it",
                "[A-doc] CXSetHeldCallAction; forum 749202 (Apple: intentional), [U] forum 715488; bug #2");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> holds = trace.where(ON_HOLD);
        if (holds.isEmpty()) {
            return notJudged("no call was put on hold");
        }
        Trace.Named sessions = Trace.anyOf(DID_ACTIVATE_AUDIO_SESSION, DID_DEACTIVATE_AUDIO_SESSION);
        List<Finding> findings = new ArrayList<>();
        for (Event hold : holds) {
            Optional<Event> nextHold = trace.firstAfter(hold, ON_HOLD.mayConcern(hold.call()));
            for (Event start : trace.through(hold, nextHold.orElse(null), CallFacts.STARTS_MEDIA.mayConcern(hold.call()))) {
                Optional<Event> session = trace.lastBefore(start, sessions.mayConcern(start.call())).filter(e -> e.seq() > hold.seq());
                if (session.isEmpty() || !session.get().is(DID_ACTIVATE_AUDIO_SESSION)) {
                    findings.add(Finding.of("startAudio for a held call without a new didActivateAudioSession", hold, start));
                }
            }
        }
        findings.addAll(resumedAfterOtherCallEnded(trace, holds));
        return verdict(findings);
    }

    /**
     * The other call ended by its remote party: a cellular or other app's call (otherCallEnded by=remote), or the app's
     * own second call, whose remote end the app reports with reportCallEnded (Hold &amp; Accept, bug #2). One sweep over
     * those ends keeps the holds still held, in timeline order.
     */
    private static List<Finding> resumedAfterOtherCallEnded(Trace trace, List<Event> holds) {
        Trace.Named unholds = Trace.is(PERFORM_SET_HELD_CALL_ACTION)
                .and(e -> !CallFacts.flag(e, "onHold"));
        SameCallIndex userActs = new SameCallIndex(trace, e -> e.source() == Source.USER && e.call() != null);
        List<Finding> findings = new ArrayList<>();
        List<Event> held = new ArrayList<>();
        int next = 0;
        for (Event ended : trace.where(ENDED_REMOTELY)) {
            for (; next < holds.size() && holds.get(next).seq() < ended.seq(); next++) {
                if (CallFacts.completionOf(trace, holds.get(next)).filter(d -> d.is(FAIL)).isEmpty()) {
                    held.add(holds.get(next));
                }
            }
            // Unheld, or nothing left that the app could do for it by itself: so for every later end too.
            held.removeIf(hold -> trace.firstBetween(hold, ended, unholds.mayConcern(hold.call())).isPresent()
                    || trace.firstAfter(ended, SELF_RESUME.mayConcern(hold.call())).isEmpty());
            for (Event hold : held) {
                if (ended.call() != null && Trace.sameCall(ended, hold)) {
                    continue; // the held call itself ended
                }
                Optional<Event> userResume = userActs.firstAfter(ended, hold.call());
                for (Event e : trace.through(ended, userResume.orElse(null), SELF_RESUME.mayConcern(hold.call()))) {
                    if (CallFacts.startsMedia(e)) {
                        findings.add(Finding.of("startAudio for the held call after the other call ended remotely; it stays held "
                                + "until the user resumes it", ended, e));
                    } else {
                        findings.add(Finding.of("the app unheld the call by itself after the other call ended remotely", ended, e));
                    }
                }
            }
        }
        return findings;
    }

    private static boolean unholdsByItself(Event e) {
        return (e.is(REQUEST_TRANSACTION) && CallFacts.hasAction(e, "setHeld"))
                || (e.is(PERFORM_SET_HELD_CALL_ACTION) && !CallFacts.flag(e, "onHold")
                    && "transaction".equals(e.attributes().get("origin")));
    }
}
