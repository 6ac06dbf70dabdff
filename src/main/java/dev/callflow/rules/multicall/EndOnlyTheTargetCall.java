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

import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.DECLINE;
import static dev.callflow.timeline.EventKind.END_CALL_WITH_COMPLETION;
import static dev.callflow.timeline.EventKind.FAIL;
import static dev.callflow.timeline.EventKind.HANG_UP;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;

/**
 * R-MULTI-1. End &amp; Accept and Decline target one call by UUID; ending call X must not end call Y (bug #25:
 * the second call drops when the first call's remote ends). The end action's handler runs until its completion or the
 * next turn of the app's main queue, whichever is later: ending Y just after fulfilling X, still in that handler, is
 * the same bug. Signalling hang-ups are recorded when the server answers, after the fulfil, so those count while Y
 * has no end of its own.
 */
public final class EndOnlyTheTargetCall extends BaseRule {
    private static final Trace.Named ENDING = Trace.anyOf(REPORT_CALL_ENDED, CALL_ENDED);
    private static final Trace.Named SIGNALLED = Trace.anyOf(HANG_UP, DECLINE);
    private static final Trace.Named OWN_END = Trace.anyOf(SERVER_EVENT, END_CALL_WITH_COMPLETION, REQUEST_TRANSACTION,
            PERFORM_END_CALL_ACTION, FAIL).and(e -> CallFacts.isRemoteEnd(e) || CallFacts.isEndRequest(e)
            || e.is(PERFORM_END_CALL_ACTION) || e.is(FAIL));

    public EndOnlyTheTargetCall() {
        super("R-MULTI-1", Severity.VIOLATION,
                "In provider(_:perform: CXEndCallAction) end only the action's call (callUUID), never another live call",
                "[U] forum 794277; [M] flutter_callkit_incoming PR #850, #825; [U] flutter_callkit_incoming #794; bug #25");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> ends = trace.where(Trace.is(PERFORM_END_CALL_ACTION).and(e -> e.call() != null));
        if (trace.calls().size() < 2 || ends.isEmpty()) {
            return notJudged("needs two calls and a performEndCallAction");
        }
        List<Finding> findings = new ArrayList<>();
        for (Event end : ends) {
            UUID x = end.call();
            Optional<Event> handled = later(CallFacts.handlingEnd(trace, end), CallFacts.nextQueueTurn(trace, end));
            for (Event e : CallFacts.upTo(trace, end, handled, ENDING.and(ev -> ev.call() != null && !x.equals(ev.call())))) {
                if (!ownEnd(trace, e.call(), end, e)) {
                    findings.add(Finding.of("handling the end of one call ended another call (" + e.name() + ")", end, e));
                }
            }
            Optional<Event> nextEnd = trace.firstAfter(end, Trace.is(PERFORM_END_CALL_ACTION));
            for (Event e : CallFacts.upTo(trace, end, nextEnd, SIGNALLED.and(ev -> ev.call() != null && !x.equals(ev.call())))) {
                if (!ownEnd(trace, e.call(), end, e) && !CallFacts.endedBefore(trace, e.call(), end)) {
                    findings.add(Finding.of("handling the end of one call sent " + e.name() + " for another call", end, e));
                }
            }
        }
        return verdict(findings);
    }

    /** The later of two window ends; an absent end is the timeline's end, later than any event. */
    private static Optional<Event> later(Optional<Event> a, Optional<Event> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return a.get().seq() >= b.get().seq() ? a : b;
    }

    /** Call {@code y} had an end of its own between {@code from} and {@code to}: a report, a request, its own end action. */
    private static boolean ownEnd(Trace trace, UUID y, Event from, Event to) {
        return trace.firstBetween(from, to, OWN_END.forCall(y)).isPresent();
    }
}
