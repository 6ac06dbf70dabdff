package dev.callflow.rules.audio;

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
import java.util.Objects;

import static dev.callflow.timeline.EventKind.PREPARE_SDK;

/**
 * R-AUD-4, the seed's first risk: "if mediasdk is not released properly, it affects the next call". Every
 * prepareSDK after the first needs the previous call's releaseAudio/unprepareSDK in between, and the SDK must not
 * say it was still prepared.
 */
public final class ReleaseBetweenCalls extends BaseRule {

    public ReleaseBetweenCalls() {
        super("R-AUD-4", Severity.VIOLATION,
                "Release the media SDK (releaseAudio/unprepareSDK) after each call, before prepareSDK for the next",
                "[M] twilio voice-quickstart-ios #31, #39; [U] linphone-iphone #104, #331; [M] amazon-chime-sdk-ios #71; "
                        + "seed document risk 1; bugs #9, #30, #42, #43");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> prepares = trace.named(PREPARE_SDK);
        if (prepares.isEmpty()) {
            return notJudged("no prepareSDK on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < prepares.size(); i++) {
            Event prepare = prepares.get(i);
            if (i > 0) {
                Event previous = prepares.get(i - 1);
                if (trace.between(previous, prepare, CallFacts::releasesMedia).isEmpty()) {
                    boolean otherCall = previous.call() != null && prepare.call() != null
                            && !Objects.equals(previous.call(), prepare.call());
                    findings.add(Finding.of(otherCall
                            ? "the previous call's SDK was never released (no releaseAudio/unprepareSDK) before the next call's prepareSDK"
                            : "prepareSDK again with no releaseAudio/unprepareSDK since the last prepareSDK", previous, prepare));
                    continue;
                }
            }
            if (CallFacts.flag(prepare, "alreadyPrepared")) {
                findings.add(Finding.of("prepareSDK found the SDK still prepared from an earlier call (alreadyPrepared=true)", prepare));
            }
        }
        return verdict(findings);
    }
}
