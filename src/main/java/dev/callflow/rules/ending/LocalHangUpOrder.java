package dev.callflow.rules.ending;

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
import static dev.callflow.timeline.EventKind.PERFORM_ANSWER_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;
import static dev.callflow.timeline.EventKind.START_AUDIO;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-END-2, the seed's rule: "release the SDK only after the system's callback, never before". A local hang-up is
 * an end request (endCallWithCompletion / requestTransaction actions=end), then performEndCallAction, and only
 * then releaseAudio/unprepareSDK for that call.
 */
public final class LocalHangUpOrder extends BaseRule {

    /** The call is up from its answer or start, or from the activation of its audio. */
    private static final Trace.Named CALL_UP = Trace.anyOf(PERFORM_ANSWER_CALL_ACTION, PERFORM_START_CALL_ACTION,
            DID_ACTIVATE_AUDIO_SESSION, START_AUDIO);
    /** A release a device log shows as a media SDK's own teardown signature (only device logs have these). */
    private static final Trace.Named SDK_TEARDOWNS = Trace.is(UNPREPARE_SDK).and(e -> e.attribute("signature").isPresent());

    public LocalHangUpOrder() {
        super("R-END-2", Severity.VIOLATION,
                "Hang up locally through CXCallController.request(CXEndCallAction) and release media "
                        + "(releaseAudio/unprepareSDK) only after provider(_:perform: CXEndCallAction)",
                "[A-sample] Speakerbox; seed document (release after the system callback); bug #18");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> ends = trace.named(PERFORM_END_CALL_ACTION);
        if (ends.isEmpty()) {
            return notJudged("no performEndCallAction on the timeline");
        }
        Trace.Named endActions = Trace.is(PERFORM_END_CALL_ACTION);
        List<Finding> findings = new ArrayList<>();
        for (Event end : ends) {
            Optional<Event> previousEnd = trace.lastBefore(end, endActions.mayConcern(end.call()));
            Optional<Event> request = trace.lastBefore(end, CallFacts.END_REQUESTS.mayConcern(end.call()))
                    .filter(r -> previousEnd.map(p -> r.seq() > p.seq()).orElse(true));
            String origin = end.attributes().get("origin");
            if ("transaction".equals(origin) && request.isEmpty()) {
                findings.add(Finding.of("performEndCallAction from a transaction the app never requested", end));
            }
            if (origin == null && request.isEmpty()) {
                Optional<Event> late = trace.firstAfter(end, CallFacts.END_REQUESTS.mayConcern(end.call()));
                late.ifPresent(l -> findings.add(Finding.of("the app's end request comes after performEndCallAction", end, l)));
            }
            Optional<Event> start = trace.lastBefore(end, CallFacts.STARTS_MEDIA.mayConcern(end.call()));
            Optional<Event> from = start.isPresent() ? start : request;
            java.util.Set<Long> cited = new java.util.HashSet<>();
            if (from.isPresent()) {
                for (Event early : trace.between(from.get(), end, CallFacts.RELEASES_MEDIA.mayConcern(end.call()))) {
                    cited.add(early.seq());
                    findings.add(Finding.of(early.name() + " before performEndCallAction: the SDK is released before the "
                            + "system's callback", early, end));
                }
            }
            // An SDK's own teardown (a device log's ~CallImpl, leaveChannel, ...) released the call's media whether or
            // not the app asked: from the moment the call was up, not only from the app's end request.
            Optional<Event> up = trace.lastBefore(end, CALL_UP.mayConcern(end.call()))
                    .filter(u -> previousEnd.map(p -> u.seq() > p.seq()).orElse(true));
            if (up.isPresent()) {
                for (Event torn : trace.between(up.get(), end, SDK_TEARDOWNS.mayConcern(end.call()))) {
                    if (cited.add(torn.seq())) {
                        findings.add(Finding.of(torn.attribute("signature").orElse(torn.name()) + " ("
                                + torn.attribute("sdk").orElse("SDK") + " teardown) before performEndCallAction: the "
                                + "call's media is released before the system's callback", torn, end));
                    }
                }
            }
        }
        return verdict(findings);
    }
}
