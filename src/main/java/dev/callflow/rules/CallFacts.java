package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.CALL_ENDED;
import static dev.callflow.timeline.EventKind.DID_ACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.DID_DEACTIVATE_AUDIO_SESSION;
import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH;
import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH_WITH_PAYLOAD;
import static dev.callflow.timeline.EventKind.DID_UPDATE_PUSH_CREDENTIALS;
import static dev.callflow.timeline.EventKind.END_CALL_WITH_COMPLETION;
import static dev.callflow.timeline.EventKind.FAIL;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.INCOMING_CALL_UI_SHOWN;
import static dev.callflow.timeline.EventKind.PERFORM_ANSWER_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PERFORM_START_CALL_ACTION;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_BEGIN;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_RESET;
import static dev.callflow.timeline.EventKind.RELEASE_AUDIO;
import static dev.callflow.timeline.EventKind.REPORT_CALL_ENDED;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL;
import static dev.callflow.timeline.EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION;
import static dev.callflow.timeline.EventKind.REQUEST_TRANSACTION_COMPLETION;
import static dev.callflow.timeline.EventKind.SERVER_EVENT;
import static dev.callflow.timeline.EventKind.START_AUDIO;
import static dev.callflow.timeline.EventKind.STOP_AUDIO;
import static dev.callflow.timeline.EventKind.TIMED_OUT_PERFORMING_ACTION;
import static dev.callflow.timeline.EventKind.UNPREPARE_SDK;

/**
 * Facts about calls and media that several rule groups read off a timeline the same way: what stops or releases
 * media, where the handling of a delegate callback ends, whether a call is live. All of them cope with events
 * without a call ID (device logs such as the seed's) through {@link Trace#sameCall}.
 */
public final class CallFacts {
    /**
     * Server events that end a call from the far side, each with the CXCallEndedReasons that fit it: R-END-1 judges
     * docs/iut-protocol.md section 6's table, this one.
     */
    public static final Map<String, Set<String>> REMOTE_END_REASONS = Map.of(
            "cancel", Set.of("remoteEnded", "unanswered"),
            "remoteHangup", Set.of("remoteEnded"),
            // the callee declined an outgoing call: declinedElsewhere means the user's own other device declined
            "declined", Set.of("remoteEnded", "failed"),
            "declinedElsewhere", Set.of("declinedElsewhere"),
            "busy", Set.of("failed", "remoteEnded", "unanswered"),
            "noAnswer", Set.of("unanswered"),
            "answeredElsewhere", Set.of("answeredElsewhere"));
    /** Server events that end a call from the far side (CALLKIT-RULES.md R-END-1). */
    public static final Set<String> REMOTE_END_TYPES = REMOTE_END_REASONS.keySet();

    private static final Set<String> DELEGATE_CALLBACKS = Set.of(DID_ACTIVATE_AUDIO_SESSION.wireName(),
            DID_DEACTIVATE_AUDIO_SESSION.wireName(), PROVIDER_DID_RESET.wireName(),
            TIMED_OUT_PERFORMING_ACTION.wireName(), PROVIDER_DID_BEGIN.wireName());

    /** Indexed forms of {@link #stopsMedia}, {@link #releasesMedia} and {@link #startsMedia} for trace queries. */
    public static final Trace.Named STOPS_MEDIA = Trace.anyOf(STOP_AUDIO, RELEASE_AUDIO, UNPREPARE_SDK);
    public static final Trace.Named RELEASES_MEDIA = Trace.anyOf(RELEASE_AUDIO, UNPREPARE_SDK);
    public static final Trace.Named STARTS_MEDIA = Trace.is(START_AUDIO).and(CallFacts::startsMedia);

    private CallFacts() { }

    /** stopAudio, releaseAudio or unprepareSDK: media I/O no longer runs after it. */
    public static boolean stopsMedia(Event e) {
        return e.is(STOP_AUDIO) || e.is(RELEASE_AUDIO) || e.is(UNPREPARE_SDK);
    }

    /** releaseAudio or unprepareSDK: the SDK gives its resources back. */
    public static boolean releasesMedia(Event e) {
        return e.is(RELEASE_AUDIO) || e.is(UNPREPARE_SDK);
    }

    /** A startAudio that worked; the seed's log writes no result at all, which counts as success. */
    public static boolean startsMedia(Event e) {
        if (!e.is(START_AUDIO)) {
            return false;
        }
        String result = e.attributes().getOrDefault("result", "");
        return result.isEmpty() || result.equals("ok");
    }

    /** A provider delegate callback: perform*CallAction, didActivate/didDeactivate, providerDidReset, a timeout. */
    public static boolean isDelegateCallback(Event e) {
        return isDelegateCallbackName(e.name());
    }

    private static boolean isDelegateCallbackName(String name) {
        return (name.startsWith("perform") && name.endsWith("CallAction")) || DELEGATE_CALLBACKS.contains(name);
    }

    private static final Trace.Named COMPLETIONS = Trace.anyOf(FULFILL, FAIL);

    /** The app asks to end a call: endCallWithCompletion, or a requestTransaction whose actions include end. */
    public static boolean isEndRequest(Event e) {
        return e.is(END_CALL_WITH_COMPLETION) || (e.is(REQUEST_TRANSACTION) && hasAction(e, "end"));
    }

    public static boolean isStartRequest(Event e) {
        return e.is(REQUEST_TRANSACTION) && hasAction(e, "start");
    }

    public static boolean hasAction(Event e, String action) {
        return List.of(e.attributes().getOrDefault("actions", "").split(",")).contains(action);
    }

    public static boolean isRemoteEnd(Event e) {
        return e.is(SERVER_EVENT) && REMOTE_END_TYPES.contains(e.attributes().getOrDefault("type", ""));
    }

    /** {@code name=value} for a boolean-ish attribute, e.g. {@code onHold=true}. */
    public static boolean flag(Event e, String key) {
        return "true".equals(e.attributes().get(key));
    }

    /** The fulfil or fail that completes the action a perform*CallAction delivered, matched by its action ID. */
    public static Optional<Event> completionOf(Trace trace, Event perform) {
        Optional<String> id = perform.attribute("action");
        return trace.firstAfter(perform, COMPLETIONS.mayConcern(perform.call())
                .and(e -> id.isEmpty() || id.equals(e.attribute("actionId"))));
    }

    /**
     * Where the app's handling of a delegate callback ends: the action's fulfil or fail if it has one, otherwise the
     * next delegate callback; empty when the timeline ends first.
     */
    public static Optional<Event> handlingEnd(Trace trace, Event callback) {
        Optional<Event> next = trace.firstAfter(callback, trace.namesWhere(CallFacts::isDelegateCallbackName));
        if (!callback.name().startsWith("perform")) {
            return next;
        }
        Optional<Event> done = completionOf(trace, callback);
        if (done.isEmpty()) {
            return next;
        }
        if (callback.attribute("action").isPresent()) {
            return done;
        }
        return next.isPresent() && next.get().seq() < done.get().seq() ? next : done;
    }

    /**
     * Events that start a new turn of the app's main queue besides the delegate callbacks: the pushes and completions
     * the system hands the app, and the app's death. A handler's own acts all come before the next of these.
     */
    private static final Set<String> OTHER_QUEUE_TURNS = java.util.stream.Stream.of(DID_RECEIVE_INCOMING_PUSH,
            DID_RECEIVE_INCOMING_PUSH_WITH_PAYLOAD, DID_UPDATE_PUSH_CREDENTIALS, REPORT_NEW_INCOMING_CALL_COMPLETION,
            REQUEST_TRANSACTION_COMPLETION, APP_TERMINATED).map(EventKind::wireName).collect(java.util.stream.Collectors.toSet());

    /** Whether {@code name} starts a new turn of the app's main queue (a delegate callback, a push, a completion). */
    public static boolean startsQueueTurn(String name) {
        return isDelegateCallbackName(name) || OTHER_QUEUE_TURNS.contains(name);
    }

    /**
     * The first event after {@code callback} that starts another turn of the app's main queue: whatever the app did
     * in the callback's handler, even after completing its action, comes before it. Empty when the timeline ends first.
     */
    public static Optional<Event> nextQueueTurn(Trace trace, Event callback) {
        return trace.firstAfter(callback, trace.namesWhere(CallFacts::startsQueueTurn));
    }

    /** Events strictly after {@code from} up to and including {@code to} (or to the timeline's end) that match. */
    public static List<Event> upTo(Trace trace, Event from, Optional<Event> to, Predicate<Event> p) {
        return trace.through(from, to.orElse(null), p);
    }

    private static final Trace.Named KNOWS_CALL = Trace.anyOf(INCOMING_CALL_UI_SHOWN, PERFORM_START_CALL_ACTION,
            PERFORM_ANSWER_CALL_ACTION, REPORT_NEW_INCOMING_CALL);
    private static final Trace.Named ENDS_CALL = Trace.anyOf(CALL_ENDED, REPORT_CALL_ENDED, FULFILL)
            .and(CallFacts::endsCall);

    /** The system knows the call: an incoming call shown or reported without error, or a start performed. */
    public static boolean knownBefore(Trace trace, UUID call, Event anchor) {
        return trace.lastBefore(anchor, KNOWS_CALL.forCall(call).and(e -> knownBy(trace, call, e))).isPresent();
    }

    /** The call ended on the system's side, or was reported ended, before {@code anchor}. */
    public static boolean endedBefore(Trace trace, UUID call, Event anchor) {
        return trace.lastBefore(anchor, ENDS_CALL.forCall(call)).isPresent();
    }

    /**
     * Which calls are live at an anchor: known ({@link #knownBefore}) and not ended ({@link #endedBefore}) before it.
     * Each call's two moments are read once, so asking about thousands of calls at thousands of anchors costs a lookup
     * each, even in a log that never records its calls' ends.
     */
    public static final class LiveCalls {
        private final java.util.Map<UUID, long[]> knownEnded = new java.util.HashMap<>();
        private final long[] knownSeqs;
        /** Per known call, the later of its known and ended seqs: before an anchor, the call is no longer live there. */
        private final long[] goneSeqs;

        public LiveCalls(Trace trace) {
            for (UUID call : trace.calls()) {
                trace.first(KNOWS_CALL.forCall(call).and(e -> knownBy(trace, call, e))).ifPresent(k -> knownEnded.put(call,
                        new long[] {k.seq(), trace.first(ENDS_CALL.forCall(call)).map(Event::seq).orElse(Long.MAX_VALUE)}));
            }
            knownSeqs = knownEnded.values().stream().mapToLong(v -> v[0]).sorted().toArray();
            goneSeqs = knownEnded.values().stream().mapToLong(v -> Math.max(v[0], v[1])).sorted().toArray();
        }

        public boolean liveAt(UUID call, Event anchor) {
            long[] v = call == null ? null : knownEnded.get(call);
            return v != null && v[0] < anchor.seq() && v[1] >= anchor.seq();
        }

        /** How many calls are live at {@code anchor}. */
        public int countAt(Event anchor) {
            return below(knownSeqs, anchor.seq()) - below(goneSeqs, anchor.seq());
        }

        /** How many of the ascending {@code seqs} are less than {@code seq}. */
        private static int below(long[] seqs, long seq) {
            int i = java.util.Arrays.binarySearch(seqs, seq);
            if (i < 0) {
                return -i - 1;
            }
            while (i > 0 && seqs[i - 1] == seq) {
                i--;
            }
            return i;
        }
    }

    /** A known-call event that counts: a reportNewIncomingCall counts unless its completion carries an error. */
    private static boolean knownBy(Trace trace, UUID call, Event e) {
        return !e.is(REPORT_NEW_INCOMING_CALL) || trace.firstAfter(e, Trace.is(REPORT_NEW_INCOMING_CALL_COMPLETION, call)
                .and(x -> !x.attributes().getOrDefault("error", "").isEmpty())).isEmpty();
    }

    /** The call is still live when the timeline ends. */
    public static boolean liveAtEnd(Trace trace, UUID call) {
        List<Event> all = trace.events();
        if (all.isEmpty()) {
            return false;
        }
        Event sentinel = new Event(Long.MAX_VALUE, 0, all.get(0).source(), all.get(0).level(), "end", null, 0, java.util.Map.of());
        return knownBefore(trace, call, sentinel) && !endedBefore(trace, call, sentinel);
    }

    private static boolean endsCall(Event e) {
        return e.is(CALL_ENDED) || e.is(REPORT_CALL_ENDED) || (e.is(FULFILL) && "end".equals(e.attributes().get("action")));
    }

    /** Indexed form of {@link #isEndRequest} for trace queries. */
    public static final Trace.Named END_REQUESTS = Trace.anyOf(END_CALL_WITH_COMPLETION, REQUEST_TRANSACTION)
            .and(CallFacts::isEndRequest);

    /**
     * The events that match one predicate, read once and kept by call, to ask which of them may concern a given call
     * as {@link Trace#sameCall} means it: that call's own and the call-less ones, or all of them for a {@code null} call.
     * For a predicate on names, ask the trace with {@link Trace.Named#mayConcern} instead; this is for the others
     * (e.g. by source), which a trace query would answer by walking past every other call's events each time.
     */
    public static final class SameCallIndex {
        private final List<Event> all;
        private final List<Event> callLess = new java.util.ArrayList<>();
        private final java.util.Map<UUID, List<Event>> byCall = new java.util.HashMap<>();

        public SameCallIndex(Trace trace, Predicate<Event> p) {
            this(trace.where(p));
        }

        /** Over events already picked, in timeline order. */
        private SameCallIndex(List<Event> matches) {
            all = matches;
            for (Event e : all) {
                if (e.call() == null) {
                    callLess.add(e);
                } else {
                    byCall.computeIfAbsent(e.call(), k -> new java.util.ArrayList<>()).add(e);
                }
            }
        }

        /** The last match strictly before {@code anchor} that may concern {@code call}. */
        public Optional<Event> lastBefore(Event anchor, UUID call) {
            Event last = null;
            for (List<Event> matches : of(call)) {
                int i = Trace.countUpTo(matches, anchor.seq() - 1) - 1;
                if (i >= 0 && (last == null || matches.get(i).seq() > last.seq())) {
                    last = matches.get(i);
                }
            }
            return Optional.ofNullable(last);
        }

        /** The first match strictly after {@code anchor} that may concern {@code call}. */
        public Optional<Event> firstAfter(Event anchor, UUID call) {
            return firstBetween(anchor, null, call);
        }

        /**
         * The first match strictly between {@code from} and {@code to} ({@code null}: the trace's end) that may concern
         * {@code call}.
         */
        public Optional<Event> firstBetween(Event from, Event to, UUID call) {
            long end = to == null ? Long.MAX_VALUE : to.seq();
            Event first = null;
            for (List<Event> matches : of(call)) {
                int i = Trace.countUpTo(matches, from.seq());
                Event next = i < matches.size() ? matches.get(i) : null;
                if (next != null && next.seq() < end && (first == null || next.seq() < first.seq())) {
                    first = next;
                }
            }
            return Optional.ofNullable(first);
        }

        /** The matches strictly between {@code from} and {@code to} that may concern {@code call}, in order. */
        public List<Event> between(Event from, Event to, UUID call) {
            return range(from.seq(), to.seq() - 1, call);
        }

        /** The matches strictly after {@code from} up to and including {@code to} ({@code null}: the trace's end). */
        public List<Event> through(Event from, Event to, UUID call) {
            return range(from.seq(), to == null ? Long.MAX_VALUE : to.seq(), call);
        }

        /** The matches with {@code after < seq <= upTo} that may concern {@code call}, in order. */
        private List<Event> range(long after, long upTo, UUID call) {
            List<Event> out = new java.util.ArrayList<>();
            for (List<Event> matches : of(call)) {
                int from = Trace.countUpTo(matches, after);
                int to = Trace.countUpTo(matches, upTo);
                if (to > from) {
                    out.addAll(matches.subList(from, to));
                }
            }
            out.sort(java.util.Comparator.comparingLong(Event::seq));
            return out;
        }

        private List<List<Event>> of(UUID call) {
            return call == null ? List.of(all) : List.of(byCall.getOrDefault(call, List.of()), callLess);
        }
    }
}
