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
import java.util.UUID;

import static dev.callflow.timeline.EventKind.CONFIG_AUDIO;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.STOP_AUDIO;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-MULTI-2. During End &amp; Accept, Hold &amp; Accept or declining a second call the session is deactivated and
 * activated again by the system; the app must not stop, release or reconfigure the surviving call's media while it
 * handles the other call's end (wire PR #270: declining a second call muted the first; twilio PR #295: '!pri').
 */
public final class SurvivingCallAudioUntouched extends BaseRule {
    private static final Trace.Named RESETS = Trace.anyOf(STOP_AUDIO, RELEASE_AUDIO, UNPREPARE_SDK, CONFIG_AUDIO);

    public SurvivingCallAudioUntouched() {
        super("R-MULTI-2", Severity.VIOLATION,
                "While handling provider(_:perform: CXEndCallAction) for one call, do not stop, release or reconfigure "
                        + "another live call's audio",
                "[M] wire-ios-sync-engine PR #270; twilio voice-quickstart-ios PR #295 / objc #199; linphone-iphone #212; bugs #15, #29, #31, #34");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Finding> findings = new ArrayList<>();
        boolean judged = false;
        CallFacts.LiveCalls live = new CallFacts.LiveCalls(trace);
        for (Event end : trace.where(Trace.is(PERFORM_END_CALL_ACTION).and(e -> e.call() != null))) {
            UUID x = end.call();
            int survivors = live.countAt(end) - (live.liveAt(x, end) ? 1 : 0);
            if (survivors == 0) {
                continue;
            }
            judged = true;
            Optional<Event> handled = CallFacts.handlingEnd(trace, end);
            for (Event e : CallFacts.upTo(trace, end, handled, RESETS.and(ev -> !x.equals(ev.call()) && live.liveAt(ev.call(), end)))) {
                findings.add(Finding.of(e.name() + " hit the surviving call's media while ending the other call", end, e));
            }
        }
        if (!judged) {
            return notJudged("no call ended while another call was live");
        }
        return verdict(findings);
    }
}
