package dev.callflow.rules.ending;

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
import java.util.UUID;

import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.PREPARE_SDK;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;

/**
 * R-END-3. Once a call ended its UUID is gone: a transaction for it fails with unknownCallUUID (4), and the app
 * must still tear down its own state. A call the app dropped but never reported ended lingers in the system as a
 * ghost call that blocks later calls, across launches.
 */
public final class EndedCallStaysEnded extends BaseRule {

    public EndedCallStaysEnded() {
        super("R-END-3", Severity.VIOLATION,
                "Do not reuse an ended call's UUID: on requestTransaction error unknownCallUUID still tear the call down, "
                        + "and never drop a call without reporting its end to CXProvider",
                "[M] twilio voice-quickstart-ios #451, voximplant/flutter_callkit #8; [A-hdr] CXError.h; bugs #11, #16, #49");
    }

    static final Logged RELEASED = Logged.anyOf("a media release (releaseAudio or unprepareSDK)", RELEASE_AUDIO, UNPREPARE_SDK);
    static final Logged END_REPORTED = Logged.anyOf("an end report (reportCallEnded, callEnded)", REPORT_CALL_ENDED, CALL_ENDED);

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.of(RELEASED, END_REPORTED);
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> unknown = trace.where(Trace.is(REQUEST_TRANSACTION_COMPLETION).and(e -> ("unknownCallUUID".equals(e.attributes().get("error")) || "4".equals(e.attributes().get("code")))));
        List<Event> remoteReleases = new ArrayList<>();
        for (Event end : trace.where(e -> CallFacts.isRemoteEnd(e) && e.call() != null)) {
            trace.firstAfter(end, CallFacts.RELEASES_MEDIA.and(e -> end.call().equals(e.call()))).ifPresent(r -> remoteReleases.add(end));
        }
        if (unknown.isEmpty() && remoteReleases.isEmpty()) {
            return notJudged("no transaction for an unknown call and no call dropped after a remote end");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event failed : unknown) {
            if (holdsMedia(trace, failed) && trace.firstAfter(failed, CallFacts.RELEASES_MEDIA.mayConcern(failed.call())).isEmpty()) {
                findings.add(Finding.of("the system no longer knows the call (unknownCallUUID) but the app never tore "
                        + "down its media for it", failed).unlessLogged(RELEASED));
            }
        }
        for (Event end : remoteReleases) {
            UUID call = end.call();
            if (CallFacts.liveAtEnd(trace, call)) {
                Event release = trace.firstAfter(end, CallFacts.RELEASES_MEDIA.and(e -> call.equals(e.call()))).orElseThrow();
                findings.add(Finding.of("ghost call: the app dropped the call after the remote end but the system still "
                        + "has it live (no reportCallEnded)", end, release).unlessLogged(END_REPORTED));
            }
        }
        return verdict(trace, findings);
    }

    /** The SDK was prepared for the call and not released when {@code at} happened. */
    private static boolean holdsMedia(Trace trace, Event at) {
        Optional<Event> prepare = trace.lastBefore(at, Trace.is(PREPARE_SDK).mayConcern(at.call()));
        return prepare.isPresent()
                && trace.between(prepare.get(), at, CallFacts.RELEASES_MEDIA.mayConcern(at.call())).isEmpty();
    }
}
