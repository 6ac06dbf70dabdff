package dev.callflow.rules.audio;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Logged;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.callflow.timeline.EventKind.ACTIVATION_SUPPRESSED;
import static dev.callflow.timeline.EventKind.AUDIO_SESSION_ACTIVATION_FAILED;
import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;

/**
 * R-AUD-6. didActivate may never come (FB19429215, "SessionID 0x0"; an app-blocked activation; an iOS 10 bug). A
 * call whose fulfilled answer or start never got the session must not hang: the app ends it, with
 * reportCall(endedAt:reason:) or an end transaction.
 */
public final class FailCleanlyWithoutActivation extends BaseRule {
    private static final Set<String> ACTIVATING = Set.of("answer", "start");
    /** A log that never shows an activation (or a capture stopped before one) cannot say that one never came. */
    private static final Logged ACTIVATION = Logged.anyOf("didActivateAudioSession", DID_ACTIVATE_AUDIO_SESSION);

    public FailCleanlyWithoutActivation() {
        super("R-AUD-6", Severity.VIOLATION,
                "When provider(_:didActivate:) never comes after a fulfilled answer or start, end the call "
                        + "(reportCall(with:endedAt:reason:) or a CXEndCallAction) instead of hanging",
                "[A-DTS] forum 783870 (FB19429215, setConfiguration before reporting); [U] openradar #16116; bug #50");
    }

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.of(ACTIVATION);
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> fulfilled = trace.where(Trace.is(FULFILL).and(e -> ACTIVATING.contains(e.attributes().getOrDefault("action", ""))
                && !CallFacts.flag(e, "duplicate") && !CallFacts.flag(e, "afterTimeout")));
        List<Finding> findings = new ArrayList<>();
        int unactivated = 0;
        for (Event f : fulfilled) {
            Optional<Event> activation = trace.firstAfter(f, Trace.is(DID_ACTIVATE_AUDIO_SESSION).mayConcern(f.call()));
            if (activation.isPresent()) {
                continue;
            }
            unactivated++;
            Optional<Event> cleanEnd = trace.firstAfter(f, e -> Trace.sameCall(e, f)
                    && (e.is(REPORT_CALL_ENDED) || CallFacts.isEndRequest(e) || e.is(PERFORM_END_CALL_ACTION)));
            if (cleanEnd.isEmpty()) {
                Optional<Event> why = trace.firstAfter(f, e -> (e.is(ACTIVATION_SUPPRESSED) || e.is(AUDIO_SESSION_ACTIVATION_FAILED))
                        && Trace.sameCall(e, f));
                findings.add(why.isPresent()
                        ? Finding.of("no didActivateAudioSession after the fulfilled " + f.attributes().get("action")
                                + ", and the app never ended the call", f, why.get())
                        : Finding.of("no didActivateAudioSession after the fulfilled " + f.attributes().get("action")
                                + " by the end of the timeline, and the app never ended the call", f).unlessLogged(ACTIVATION));
            }
        }
        if (unactivated == 0) {
            return notJudged(fulfilled.isEmpty() ? "no fulfilled answer or start on the timeline"
                    : "every fulfilled answer or start was activated");
        }
        return verdict(trace, findings);
    }
}
