package dev.callflow.rules.outgoing;

import dev.callflow.rules.BaseRule;
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

import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REPORT_OUTGOING_CALL_CONNECTED;
import static dev.callflow.timeline.EventKind.REPORT_OUTGOING_CALL_STARTED_CONNECTING;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;

/**
 * R-OUT-1. performStartCallAction, fulfil, reportOutgoingCall(with:startedConnectingAt:), and once the callee
 * answered reportOutgoingCall(with:connectedAt:). Without connectedAt "the system will treat it as a canceled call
 * even if the call was accepted and connected" (Twilio).
 */
public final class OutgoingReportsInOrder extends BaseRule {

    public OutgoingReportsInOrder() {
        super("R-OUT-1", Severity.VIOLATION,
                "For an outgoing call call reportOutgoingCall(with:startedConnectingAt:) after fulfilling the "
                        + "CXStartCallAction, then reportOutgoingCall(with:connectedAt:) once the callee answers",
                "[A-doc] reportOutgoingCall(with:connectedAt:); [M] twilio voice-quickstart-objc PR #54; "
                        + "[A-sample] Speakerbox; bug #14");
    }

    /** A start action's fulfil: a log that never shows one cannot say that one never came. */
    static final Logged START_FULFILLED = Logged.ofAction("a fulfil of a CXStartCallAction", "start", FULFILL);
    static final Logged CONNECTED = Logged.anyOf("reportOutgoingCall(with:connectedAt:)", REPORT_OUTGOING_CALL_CONNECTED);

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.of(START_FULFILLED, CONNECTED);
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> starts = trace.named(PERFORM_START_CALL_ACTION);
        if (starts.isEmpty()) {
            return notJudged("no performStartCallAction on the timeline");
        }
        Trace.Named connectings = Trace.is(REPORT_OUTGOING_CALL_STARTED_CONNECTING);
        Trace.Named connecteds = Trace.is(REPORT_OUTGOING_CALL_CONNECTED);
        // A device log's "fulfilled" may not say of which action: after the start, it counts as the start's.
        Trace.Named fulfils = Trace.is(FULFILL)
                .and(e -> "start".equals(e.attributes().getOrDefault("action", "start")));
        Trace.Named answers = Trace.is(SERVER_EVENT)
                .and(e -> "answered".equals(e.attributes().get("type")));
        Trace.Named ends = Trace.anyOf(CALL_ENDED, REPORT_CALL_ENDED,
                PERFORM_END_CALL_ACTION);
        List<Finding> findings = new ArrayList<>();
        for (Event start : starts) {
            Optional<Event> connecting = trace.firstAfter(start, connectings.mayConcern(start.call()));
            Optional<Event> connected = trace.firstAfter(start, connecteds.mayConcern(start.call()));
            Optional<Event> fulfilled = trace.firstAfter(start, fulfils.mayConcern(start.call()));
            Optional<Event> answered = trace.firstAfter(start, answers.mayConcern(start.call()));
            if (connected.isPresent() && (connecting.isEmpty() || connecting.get().seq() > connected.get().seq())) {
                findings.add(Finding.of("reportOutgoingCall(connectedAt:) before reportOutgoingCall(startedConnectingAt:)",
                        start, connected.get()));
            }
            if (connecting.isPresent() && fulfilled.isEmpty()) {
                findings.add(Finding.of("reportOutgoingCall(startedConnectingAt:) for a start action never fulfilled",
                        start, connecting.get()).unlessLogged(START_FULFILLED));
            }
            if (answered.isPresent() && connected.isEmpty() && trace.firstBetween(start, answered.get(), ends.mayConcern(start.call())).isEmpty()) {
                findings.add(Finding.of("the callee answered but reportOutgoingCall(connectedAt:) never came; "
                        + "the system will record a cancelled call", start, answered.get()).unlessLogged(CONNECTED));
            }
        }
        return verdict(trace, findings);
    }
}
