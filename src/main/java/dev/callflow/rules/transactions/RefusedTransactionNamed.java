package dev.callflow.rules.transactions;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.CallFacts;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Logged;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PERFORM_END_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_RESET;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;
import static dev.callflow.timeline.EventKind.STOP_AUDIO;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * R-TX-3. "A non-nil error indicates that the requested transaction could not be executed." A refusal
 * ({@code CXErrorCodeRequestTransactionError}) means the app was wrong about the call's state (error 4 for a UUID
 * already gone, 5 for one that exists); it warns, and R-END-3 judges whether the app still cleaned up. An end
 * refused with unknownCallUUID while the call was still up, after which nothing ends or cleans up the call, is a
 * violation: the system call UI stays up (bugs #11, #49).
 */
public final class RefusedTransactionNamed extends BaseRule {

    /** What ends a call or cleans it up after a refused end: an end report, the system's end, a release. */
    static final Logged END_OR_CLEANUP = Logged.anyOf("an end report or cleanup (reportCallEnded, callEnded, "
                    + "performEndCallAction, providerDidReset, stopAudio, releaseAudio or unprepareSDK)",
            REPORT_CALL_ENDED, CALL_ENDED, PERFORM_END_CALL_ACTION, PROVIDER_DID_RESET, STOP_AUDIO, RELEASE_AUDIO,
            UNPREPARE_SDK);

    private static final Trace.Named ENDS_OR_CLEANS_UP = Trace.anyOf(REPORT_CALL_ENDED, CALL_ENDED,
            PERFORM_END_CALL_ACTION, PROVIDER_DID_RESET, STOP_AUDIO, RELEASE_AUDIO, UNPREPARE_SDK, APP_TERMINATED);

    public RefusedTransactionNamed() {
        super("R-TX-3", Severity.VIOLATION,
                "Request CXCallController transactions only for calls in the state they need; a request(_:completion:) "
                        + "error (CXErrorCodeRequestTransactionError) means the app's call state was wrong, and an end "
                        + "refused with unknownCallUUID must still end or clean up the call",
                "[A-hdr] CXCallController.h, CXError.h; [A-doc] CXErrorCodeRequestTransactionError; "
                        + "[M] wireapp/wire-ios-sync-engine PR #357; bugs #11, #35, #45, #49");
    }

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.of(END_OR_CLEANUP);
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> completions = trace.where(Trace.is(REQUEST_TRANSACTION_COMPLETION).and(e -> e.source() == Source.SYSTEM));
        if (completions.isEmpty()) {
            return notJudged("no CXCallController request on the timeline");
        }
        CallFacts.LiveCalls live = new CallFacts.LiveCalls(trace);
        List<Finding> findings = new ArrayList<>();
        for (Event c : completions) {
            if (c.attribute("error").isEmpty()) {
                continue;
            }
            List<Event> offending = new ArrayList<>();
            Optional<Event> request = trace.lastBefore(c, Trace.is(REQUEST_TRANSACTION).mayConcern(c.call())
                    .and(e -> e.source() == Source.APP));
            request.ifPresent(offending::add);
            offending.add(c);
            String actions = offending.get(0).attribute("actions").map(a -> " (" + a + ")").orElse("");
            findings.add(Finding.warning("the system refused the transaction" + actions + " with "
                    + c.attribute("error").get() + c.attribute("code").map(x -> " (" + x + ")").orElse("")
                    + ": the app's view of the call disagreed with the system's", offending.toArray(Event[]::new)));
            boolean unknownCall = "unknownCallUUID".equals(c.attributes().get("error")) || "4".equals(c.attributes().get("code"));
            if (unknownCall && request.filter(CallFacts::isEndRequest).isPresent()) {
                List<UUID> up = callsUp(trace, live, request.get(), c);
                if (!up.isEmpty() && up.stream().noneMatch(call -> endedOrCleanedUp(trace, c, call))) {
                    findings.add(Finding.of("the end transaction failed with unknownCallUUID (4) and nothing later in "
                            + "the log ends or cleans up the call: the system call UI stays up",
                            offending.toArray(Event[]::new)).unlessLogged(END_OR_CLEANUP));
                }
            }
        }
        return verdict(trace, findings);
    }

    /**
     * The calls the refused end may have meant that were still up: the request's own call if the system knew it (none
     * if it had already ended), else the calls live at the refusal (an app that ends under its own call ID instead of the reported one); for a log
     * without call IDs, one unnamed call ({@code null}) unless it was ended before.
     */
    private static List<UUID> callsUp(Trace trace, CallFacts.LiveCalls live, Event request, Event refusal) {
        UUID own = request.call() != null ? request.call() : refusal.call();
        if (own == null && trace.calls().isEmpty()) {
            boolean ended = trace.lastBefore(refusal, Trace.anyOf(CALL_ENDED, REPORT_CALL_ENDED, FULFILL)
                    .and(e -> !e.is(FULFILL) || "end".equals(e.attributes().get("action")))).isPresent();
            List<UUID> unnamed = new ArrayList<>();
            if (!ended) {
                unnamed.add(null);
            }
            return unnamed;
        }
        if (own != null && CallFacts.knownBefore(trace, own, refusal)) {
            return live.liveAt(own, refusal) ? List.of(own) : List.of();
        }
        return trace.calls().stream().filter(call -> live.liveAt(call, refusal)).toList();
    }

    private static boolean endedOrCleanedUp(Trace trace, Event refusal, UUID call) {
        return trace.firstAfter(refusal, call == null ? ENDS_OR_CLEANS_UP : ENDS_OR_CLEANS_UP.mayConcern(call)).isPresent()
                || trace.firstAfter(refusal, Trace.is(FULFILL).and(e -> "end".equals(e.attributes().get("action")))
                .mayConcern(call)).isPresent();
    }
}
